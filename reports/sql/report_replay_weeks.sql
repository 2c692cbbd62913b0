-- Refund requests per replayed week: the $weeks weeks ending at $as_of, oldest first (weeks without requests count 0).
-- Requests fall in week k (ending $as_of - 7k days) by arithmetic: one pass over the window, not a join with each week.
with
weeks as (
  select cast($as_of as date) - cast(7 * k as integer) as week_end
  from range(0, $weeks) as t(k)
),
requests_in_week as (
  select
    cast($as_of as date)
      - cast(7 * ((epoch_us(cast($as_of as date)::timestamp) - epoch_us(r.requested_at) - 1) // 604800000000) as integer)
      as week_end,
    count(*) as requests
  from refund_requests as r
  where r.requested_at >= cast($as_of as date) - cast(7 * $weeks as integer)
    and r.requested_at < cast($as_of as date)
  group by all
),
final as (
  select strftime(w.week_end, '%Y-%m-%d') as week_end, coalesce(r.requests, 0)::bigint as requests
  from weeks as w
  left join requests_in_week as r on r.week_end = w.week_end
)
select * from final order by week_end
