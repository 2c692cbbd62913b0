-- Each merchant's refund-only baseline over the 365 days before each date, counted without requests or orders of flagged buyers.
with orders as (
  select * from int_orders_enriched
),

requests as (
  select * from int_requests_enriched
),

merchant_orders as (
  select
    as_of,
    merchant_id,
    count(*) filter (where not buyer_flagged) as clean_orders_365d
  from orders
  group by as_of, merchant_id
),

merchant_requests as (
  select
    as_of,
    merchant_id,
    count(*) filter (where not buyer_flagged and is_refund_only) as clean_refund_only_365d
  from requests
  group by as_of, merchant_id
),

merchants as (
  select
    as_of,
    merchant_id,
    coalesce(o.clean_orders_365d, 0) as clean_orders_365d,
    coalesce(r.clean_refund_only_365d, 0) as clean_refund_only_365d
  from merchant_orders as o
  full outer join merchant_requests as r using (as_of, merchant_id)
),

platform as (
  select
    as_of,
    coalesce(sum(clean_refund_only_365d) / nullif(sum(clean_orders_365d), 0), 0) as platform_rate
  from merchants
  group by as_of
),

final as (
  select
    m.as_of,
    m.merchant_id,
    m.clean_orders_365d,
    m.clean_refund_only_365d,
    p.platform_rate
  from merchants as m
  inner join platform as p on p.as_of = m.as_of
)

select * from final
