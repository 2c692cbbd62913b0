-- The paths of the files DuckDB opened since the log was last cleared.
select distinct json_extract_string(message, '$.path') as path
from duckdb_logs
where type = 'FileSystem' and json_extract_string(message, '$.op') = 'OPEN'
