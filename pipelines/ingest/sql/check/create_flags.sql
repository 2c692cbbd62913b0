-- ingest_flags: rows (by ingest_chk rowid) that load with a flag (a parent from before the first delivered week).
create temp table ingest_flags (rid BIGINT, column_name VARCHAR, value VARCHAR, flag VARCHAR)
