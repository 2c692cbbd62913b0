-- A mapped NDJSON file's staged rows (stage_json_columns.sql) with __file.
select $file as __file, *
from {{raw}}
