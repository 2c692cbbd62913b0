-- Number of records DuckDB rejected while copying a CSV file that ingest's own reading found clean (0 when they agree).
select count(*)
from ingest_rejects
