-- Every key of the staged JSON objects (ingest_raw_json), sorted.
select distinct unnest(json_keys(j)) as k
from ingest_raw_json
order by k
