-- Ingest-only: one quarantine row per foreign-key or duplicate-key failure (ingest_bad) of the staged rows of one table.
insert into quarantine
select $batch, $table, c.__file, c.__row, b.column_name, b.value, b.rule
from ingest_bad b
join ingest_chk c on c.rowid = b.rid
