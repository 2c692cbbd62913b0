-- Ingest-only: rows of one table this batch loaded with a flag.
select count(*)
from load_flags
where batch_id = $batch and table_name = $table
