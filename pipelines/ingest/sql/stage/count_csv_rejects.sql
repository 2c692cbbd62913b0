-- Number of CSV records DuckDB could not parse (a record with several errors counts once).
select count(distinct line)
from ingest_rejects
