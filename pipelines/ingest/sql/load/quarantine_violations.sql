-- Ingest-only: one quarantine row per column violation of the staged rows of one table (ingest_chk.__v).
insert into quarantine
select $batch, $table, __file, __row, v.column_name, v.value, v.rule
from (select __file, __row, unnest(__v) as v from ingest_chk where __v is not null)
