-- ingest_bad: rows (by ingest_chk rowid) failing a key check, with the column, value and rule for quarantine.
create temp table ingest_bad (rid BIGINT, column_name VARCHAR, value VARCHAR, rule VARCHAR)
