-- Rows of one source table ({{table}}, dated by {{time}}) in the week to $as_of (week 0) and each of the 4 weeks before
-- it (weeks 1 to 4): a source that always delivered and delivers nothing this week is a missing file.
with weeks as (
  select unnest(range(0, 5)) as week
),
counted as (
  select
    cast(floor(date_diff('second', {{time}}, $as_of::timestamp) / 604800.0) as integer) as week,
    count(*) as n
  from {{table}}
  where {{time}} < $as_of::timestamp and {{time}} >= $as_of::timestamp - interval 35 day
  group by 1
)
select w.week, coalesce(c.n, 0) as n
from weeks as w
left join counted as c using (week)
order by w.week
