-- Clears the file log (files_opened.sql).
call truncate_duckdb_logs()
