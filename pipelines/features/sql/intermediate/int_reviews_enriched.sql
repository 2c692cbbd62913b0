-- Reviews of the 365 days before each date joined to their orders, flagged when they follow a rejected refund request on the same order.
with reviews as (
  select * from stg_reviews
),

orders as (
  select * from stg_orders
),

requests as (
  select * from stg_refund_requests
),

flagged as (
  select * from int_buyers_flagged
),

rejections as (
  select
    as_of,
    order_id,
    min(decided_at) as first_rejected_at
  from requests
  where status = 'rejected' and decided_at is not null
  group by as_of, order_id
),

-- only what the features read: the ids and the review time stay behind, as 3.7M reviews at 10M orders are written
-- here once and scanned twice
final as (
  select
    v.as_of,
    o.buyer_id,
    o.merchant_id,
    v.rating,
    v.described,
    v.service,
    v.logistics,
    v.created_at >= v.as_of::timestamp - interval 30 day as in_30d,
    v.created_at >= v.as_of::timestamp - interval 90 day as in_90d,
    v.rating <= 2 as is_low,
    coalesce(j.first_rejected_at < v.created_at, false) as after_rejection,
    coalesce(f.is_confirmed or f.is_high_risk, false) as buyer_flagged
  from reviews as v
  inner join orders as o on o.as_of = v.as_of and o.order_id = v.order_id
  left join rejections as j on j.as_of = v.as_of and j.order_id = v.order_id
  left join flagged as f on f.as_of = v.as_of and f.buyer_id = o.buyer_id
  where v.created_at >= v.as_of::timestamp - interval 365 day
)

select * from final
