-- Rows of one source table ({{table}}, dated by {{time}}) in the week to $as_of (week 0) and each of the $weeks - 1
-- weeks before it (week k ends k weeks before $as_of); a week without rows reads 0.
with weeks as (
  select unnest(range(0, $weeks::bigint)) as week
),

counted as (
  select
    -- whole weeks from the window's start, counted back from $as_of: a row at a week's first instant is in that week
    $weeks::bigint - 1 - (date_diff('microsecond', $as_of::timestamp - to_days(7 * $weeks::integer), {{time}}) // 604800000000) as week,
    count(*) as n
  from {{table}}
  where {{time}} < $as_of::timestamp and {{time}} >= $as_of::timestamp - to_days(7 * $weeks::integer)
  group by 1
)

select w.week, coalesce(c.n, 0) as n
from weeks as w
left join counted as c using (week)
order by w.week
