-- Orders of the 365 days before each date with their window flags, fulfilment outcomes, after-sales outcomes and the buyer's abuse flags.
with orders as (
  select * from stg_orders
),

requests as (
  select * from stg_refund_requests
),

reviews as (
  select * from stg_reviews
),

flagged as (
  select * from int_buyers_flagged
),

-- what happened after each order, requests and low reviews in one grouping, so the orders are joined once
outcomes as (
  select
    as_of,
    order_id,
    bool_or(is_request) as has_request,
    bool_or(kind = 'refund_only') as has_refund_only,
    bool_or(list_contains($defect_reasons::varchar[], reason)) as has_defect_request,
    bool_or(escalated) as has_escalated,
    bool_or(decided_by = 'platform' and status = 'approved') as has_platform_refund,
    sum(amount) as requested_amount,
    coalesce(sum(amount) filter (where kind = 'refund_only'), 0) as refund_only_amount,
    bool_or(not is_request) as has_low_review
  from (
    select as_of, order_id, true as is_request, kind, reason, escalated, decided_by, status, amount from requests
    union all
    select as_of, order_id, false, null, null, null, null, null, null from reviews where rating <= 2
  )
  group by as_of, order_id
),

final as (
  select
    o.as_of,
    o.buyer_id,
    o.merchant_id,
    o.category = 'fresh_food' as is_fresh_food,
    o.category = 'electronics' as is_electronics,
    o.amount,
    o.created_at >= o.as_of::timestamp - interval 30 day as in_30d,
    o.created_at >= o.as_of::timestamp - interval 90 day as in_90d,
    f.buyer_id is not null as buyer_flagged,
    coalesce(f.is_confirmed, false) as buyer_confirmed,
    o.cancelled_at is not null
      and (o.shipped_at is null or o.cancelled_at < o.shipped_at) as is_cancelled_before_shipping,
    case
      when o.shipped_at is not null and o.promised_ship_by is not null
        then o.shipped_at > o.promised_ship_by
    end as is_late_shipment,
    case
      when o.delivered_at is not null
        then greatest(0, date_diff('minute', o.created_at, o.delivered_at)) / 1440.0
    end as delivery_days,
    coalesce(r.has_request, false) as has_request,
    coalesce(r.has_refund_only, false) as has_refund_only,
    coalesce(r.has_defect_request, false) as has_defect_request,
    -- capped at the order amount so amount rates stay shares of spend
    least(o.amount, coalesce(r.requested_amount, 0)) as requested_amount,
    least(o.amount, coalesce(r.refund_only_amount, 0)) as refund_only_amount,
    coalesce(r.has_escalated or r.has_platform_refund, false) or coalesce(r.has_low_review, false) as is_defective
  from orders as o
  -- int_buyers_flagged holds only flagged buyers
  left join flagged as f on f.as_of = o.as_of and f.buyer_id = o.buyer_id
  left join outcomes as r on r.as_of = o.as_of and r.order_id = o.order_id
  where o.created_at >= o.as_of::timestamp - interval 365 day
)

select * from final
