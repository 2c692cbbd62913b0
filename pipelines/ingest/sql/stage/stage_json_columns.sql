-- A mapped NDJSON file's raw table: __row and one text column per JSON key, from ingest_raw_json.
create temp table {{raw}} as
select {{columns}}
from ingest_raw_json
