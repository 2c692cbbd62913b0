-- Parsed records skip the rejected ones; good_before = parsed records before each reject, to renumber them.
create temp table {{offsets}} as
select line - 1 - row_number() over (order by line) as good_before
from (select distinct line from ingest_rejects)
