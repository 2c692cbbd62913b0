-- One quarantine row per line of a mapped file that the sandbox's readers could not parse (its rejects Parquet).
insert into quarantine (batch_id, table_name, source_file, row_number, line_number, column_name, value, rule)
select $batch, $table, $file, row_number, line_number, NULL, value, rule
from read_parquet($rejects)
