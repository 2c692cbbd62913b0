-- A mapped NDJSON file's JSON-object lines as JSON, numbered by line: its keys are unknown in advance.
create temp table ingest_raw_json as
select (rowid - (select min(rowid) from {{raw}}) + 1) as __row, line::JSON as j
from {{raw}}
where trim(line) <> '' and coalesce(json_type(case when json_valid(line) then line end) = 'OBJECT', false)
