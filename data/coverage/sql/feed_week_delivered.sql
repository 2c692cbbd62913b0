-- Rows of one source table ({{versions}}: every version with the date it became known, dated by {{time}}) that each of
-- the $weeks weeks ending at $as_of (week 0 the week to $as_of, week k ending k weeks before it) held when its own run
-- read it: first versions dated in the week and known by its end, so the same lag as this week's rows.
with weeks as (
  select unnest(range(0, $weeks::bigint)) as week
),

dated as (
  select
    -- as feed_week_counts.sql: whole weeks from the window's start, counted back from $as_of
    $weeks::bigint - 1 - (date_diff('microsecond', $as_of::timestamp - to_days(7 * $weeks::integer), {{time}}) // 604800000000) as week,
    known_at
  from {{versions}}
  where version = 1
    and {{time}} < $as_of::timestamp and {{time}} >= $as_of::timestamp - to_days(7 * $weeks::integer)
),

counted as (
  select week, count(*) as n
  from dated
  where known_at <= $as_of::date - cast(7 * week as integer)
  group by week
)

select w.week, coalesce(c.n, 0) as n
from weeks as w
left join counted as c using (week)
order by w.week
