-- The date a table's delivery became known, when no date is given: the day after the newest event it holds (promised
-- deadlines excluded), so a delivery is never taken as known before its own content happened.
select strftime(cast(max(__newest) as date) + 1, '%Y-%m-%d') as known_at
from ingest_chk
where __v is null
