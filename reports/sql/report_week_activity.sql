-- Orders, GMV and refund requests per week and category for the $weeks weeks ending at $as_of (week = [end - 7 days, end)).
with
weeks as (
  select cast($as_of as date) - cast(7 * k as integer) as week_end
  from range(0, $weeks) as t(k)
),
orders_in_week as (
  select w.week_end, o.category, count(*) as orders, sum(o.amount) as gmv
  from weeks as w
  join orders as o on o.created_at >= w.week_end - 7 and o.created_at < w.week_end
  group by all
),
requests_in_week as (
  select
    w.week_end,
    o.category,
    count(*) as refund_requests,
    count(*) filter (where r.kind = 'refund_only') as refund_only_requests
  from weeks as w
  join refund_requests as r on r.requested_at >= w.week_end - 7 and r.requested_at < w.week_end
  join orders as o on o.order_id = r.order_id
  group by all
),
final as (
  select
    strftime(coalesce(o.week_end, r.week_end), '%Y-%m-%d') as week_end,
    coalesce(o.category, r.category) as category,
    coalesce(o.orders, 0)::bigint as orders,
    coalesce(o.gmv, 0)::double as gmv,
    coalesce(r.refund_requests, 0)::bigint as refund_requests,
    coalesce(r.refund_only_requests, 0)::bigint as refund_only_requests
  from orders_in_week as o
  full outer join requests_in_week as r on r.week_end = o.week_end and r.category = o.category
)
select * from final order by week_end, category
