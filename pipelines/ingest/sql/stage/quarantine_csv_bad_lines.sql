-- One quarantine row per physical CSV line that could not be read as a record: the line as the value, the reason in the rule.
insert into quarantine (batch_id, table_name, source_file, row_number, line_number, column_name, value, rule)
select $batch, $table, $file, row_number, line_number, NULL, value, $rule_prefix || reason
from ingest_csv_bad
