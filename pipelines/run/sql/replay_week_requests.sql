-- Refund requests per replayed week: the $weeks weeks starting $window_start, each with its count (0 for weeks without any).
with weeks as (
  select strftime(cast($window_start as date) + to_days(cast(7 * range as integer)), '%Y-%m-%d') as week_start
  from range(0, $weeks)
),

requests as (
  select requested_at
  from refund_requests
  where requested_at >= cast($window_start as timestamp) and requested_at < cast($as_of as timestamp)
),

final as (
  select w.week_start, count(r.requested_at) as requests
  from weeks w
  left join requests r
    on r.requested_at >= cast(w.week_start as timestamp) and r.requested_at < cast(w.week_start as timestamp) + interval 7 day
  group by w.week_start
)

select * from final order by week_start
