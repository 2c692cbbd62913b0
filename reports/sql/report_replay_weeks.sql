-- Refund requests per replayed week: the $weeks weeks ending at $as_of, oldest first (weeks without requests count 0).
-- Requests fall in their week by report_week_end (report_macro_week_end.sql): one pass, not a join per week.
with
weeks as (
  select cast($as_of as date) - cast(7 * k as integer) as week_end
  from range(0, $weeks) as t(k)
),
requests_in_week as (
  select
    report_week_end($as_of, r.requested_at) as week_end,
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
