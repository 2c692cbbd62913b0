-- The NDJSON lines that are not valid UTF-8 (ndjsonFile.ts), shown with U+FFFD, for quarantine.
create temp table ingest_ndjson_bad (row_number BIGINT, value VARCHAR)
