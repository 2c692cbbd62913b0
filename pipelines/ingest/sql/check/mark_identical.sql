-- Moves the identical hits (same key, same content) into ingest_skip: loaded, not inserted again.
insert into ingest_skip
select rid
from ingest_hits
where not conflict
