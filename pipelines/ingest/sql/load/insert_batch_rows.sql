-- Writes to the contract table the rows this batch delivers for the first time (their version 1, see insert_clean_rows).
insert into {{table}}
select {{columns}}
from {{versions}} v
where batch_id = $batch and version = 1
