-- Moves the conflicting hits (same key, different content) into ingest_bad: the first-loaded version is kept.
insert into ingest_bad
select rid, $column, key, $rule
from ingest_hits
where conflict
