-- Ingest-only: one load_flags row per flagged row that was stored (not quarantined nor an unchanged copy).
insert into load_flags
select $batch, $table, c.__file, c.__row, f.column_name, f.value, f.flag
from ingest_flags f
join ingest_chk c on c.rowid = f.rid
anti join ingest_bad b on b.rid = f.rid
anti join ingest_skip s on s.rid = f.rid
