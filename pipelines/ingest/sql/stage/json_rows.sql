-- A mapped NDJSON file's staged rows (stage_json_columns.sql) with __file and __line (the line number, as __row).
select $file as __file, __row, __row as __line, * exclude (__row)
from {{raw}}
