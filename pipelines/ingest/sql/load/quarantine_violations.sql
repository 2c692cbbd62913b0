-- Ingest-only: one quarantine row per column violation of the staged rows of one table (ingest_chk.__v), with the row's
-- key when it could be read.
insert into quarantine (batch_id, table_name, source_file, row_number, line_number, column_name, value, rule, row_key)
select $batch, $table, __file, __row, __line, v.column_name, v.value, v.rule, cast({{pk}} as VARCHAR)
from (select __file, __row, __line, {{pk}}, unnest(__v) as v from ingest_chk where __v is not null)
