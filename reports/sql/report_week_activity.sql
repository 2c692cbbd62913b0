-- Orders, GMV and refund requests per week and category for the $weeks weeks ending at $as_of (week = [end - 7 days, end)).
-- Rows fall in their week by report_week_end (report_macro_week_end.sql): one pass over the window, not a join per week.
with
orders_in_window as (
  select
    report_week_end($as_of, o.created_at) as week_end,
    o.category,
    o.amount
  from orders as o
  where o.created_at >= cast($as_of as date) - cast(7 * $weeks as integer)
    and o.created_at < cast($as_of as date)
),
orders_in_week as (
  select week_end, category, count(*) as orders, sum(amount) as gmv
  from orders_in_window
  group by all
),
requests_in_window as (
  select
    report_week_end($as_of, r.requested_at) as week_end,
    r.order_id,
    r.kind
  from refund_requests as r
  where r.requested_at >= cast($as_of as date) - cast(7 * $weeks as integer)
    and r.requested_at < cast($as_of as date)
),
requests_in_week as (
  select
    r.week_end,
    o.category,
    count(*) as refund_requests,
    count(*) filter (where r.kind = 'refund_only') as refund_only_requests
  from requests_in_window as r
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
