-- ingest_full: whole rows, of the key-clash candidates only (rid = their ingest_chk rowid, then the contract columns).
create temp table ingest_full (rid BIGINT, {{columns}})
