-- The date a table's delivery became known, when no date is given: the day after the newest event it holds (promised
-- deadlines excluded), so a delivery is never taken as known before its own content happened; at the latest $latest
-- (the load's as-of date, when known), so one row dated years ahead does not hide the delivery's corrections till then.
select strftime(
  case
    when $latest::date is null then cast(max(__newest) as date) + 1
    else least(cast(max(__newest) as date) + 1, $latest::date)
  end,
  '%Y-%m-%d'
) as known_at
from ingest_chk
where __v is null
