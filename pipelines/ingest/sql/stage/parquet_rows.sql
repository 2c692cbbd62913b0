-- A Parquet file's rows, with their own types under the names ingest gives them (sourceColumnNames.ts), __file, __row
-- (the 1-based row in the file) and __line (none: Parquet has no lines).
select $file as __file, file_row_number + 1 as __row, NULL::BIGINT as __line, {{columns}}
from read_parquet($path, file_row_number = true)
