-- Refund requests per replayed week: the $weeks weeks ending at $as_of, oldest first (weeks without requests count 0).
with
weeks as (
  select cast($as_of as date) - cast(7 * k as integer) as week_end
  from range(0, $weeks) as t(k)
),
final as (
  select strftime(w.week_end, '%Y-%m-%d') as week_end, count(r.request_id)::bigint as requests
  from weeks as w
  left join refund_requests as r on r.requested_at >= w.week_end - 7 and r.requested_at < w.week_end
  group by w.week_end
)
select * from final order by week_end
