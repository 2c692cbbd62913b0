-- Logs every file DuckDB opens, so the files a mapping's SQL reads are known, fingerprinted and recorded.
call enable_logging('FileSystem')
