-- Rows of the batch that are new versions of a row already delivered (in the warehouse, or earlier in this batch).
select count(*) as updated
from ingest_steps
where not unchanged and (existed or seq > 1)
