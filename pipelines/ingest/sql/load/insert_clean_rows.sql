-- Stores one staged file's clean rows, new keys all, as their first version, straight from its source, when no row of
-- the table is excluded (insert_batch_rows.sql then copies them to the contract table).
insert into {{versions}}
select {{columns}}, 1, $batch, $known_at::date
from ({{checked}}) c
where c.__v is null
