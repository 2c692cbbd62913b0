-- Ingest-only: one quarantine row per foreign-key or duplicate-key failure (ingest_bad) of the staged rows of one table.
insert into quarantine (batch_id, table_name, source_file, row_number, line_number, column_name, value, rule, row_key)
select $batch, $table, c.__file, c.__row, c.__line, b.column_name, b.value, b.rule, cast(c.{{pk}} as VARCHAR)
from ingest_bad b
join ingest_chk c on c.rowid = b.rid
