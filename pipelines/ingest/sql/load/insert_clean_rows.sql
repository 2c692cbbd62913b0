-- Stores one staged file's clean rows, new keys all, as their first version, straight from its source, when no row of
-- the table is excluded (insert_batch_rows.sql then copies them to the contract table).
insert into {{versions}} by name
select {{columns}}, 1 as version, $batch as batch_id, $known_at::date as known_at
from ({{checked}}) c
where c.__v is null
