-- The physical lines of a CSV file that could not be read as records (csvFile.ts), with the reason, for quarantine.
create temp table ingest_csv_bad (row_number BIGINT, line_number BIGINT, value VARCHAR, reason VARCHAR)
