-- One quarantine row per NDJSON line that is not valid UTF-8; the row number is the line number.
insert into quarantine (batch_id, table_name, source_file, row_number, line_number, column_name, value, rule)
select $batch, $table, $file, row_number, row_number, NULL, value, $rule
from ingest_ndjson_bad
