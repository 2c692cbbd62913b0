-- ingest_skip: rows (by ingest_chk rowid) that are identical copies of a row already kept, so are not inserted again.
create temp table ingest_skip (rid BIGINT)
