-- Per week of request_weeks, a digest of the history dates its requests read (buyer and merchant snapshots, scores and
-- linked groups of the $lookback_days days before it), each with the newest publish that wrote it: publishing any of
-- them again changes the digest.
with weeks as (
  select * from request_weeks
),

published as (
  select history, as_of, max(generation) as generation
  from req_published_dates
  where list_contains($histories::varchar[], history)
  group by history, as_of
),

read_dates as (
  select w.as_of as week, p.history, p.as_of, p.generation
  from weeks as w
  inner join published as p
    on p.as_of >= w.as_of - to_days($lookback_days)
    and p.as_of < w.as_of
),

final as (
  select
    w.as_of,
    md5(
      coalesce(
        string_agg(
          d.history || '@' || strftime(d.as_of, '%Y-%m-%d') || '#' || d.generation, ',' order by d.history, d.as_of
        ),
        ''
      )
    ) as inputs
  from weeks as w
  left join read_dates as d on d.week = w.as_of
  group by w.as_of
)

select * from final
