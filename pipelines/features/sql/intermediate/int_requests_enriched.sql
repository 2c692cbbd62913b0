-- Refund requests of the 365 days before each date joined to their orders, with window flags, timings and the buyer's abuse flag.
with requests as (
  select * from stg_refund_requests
),

orders as (
  select * from stg_orders
),

reviews as (
  select * from stg_reviews
),

flagged as (
  select * from int_buyers_flagged
),

-- review extortion: a 1–2 star review first, then the refund request on the same order
low_reviews as (
  select as_of, order_id, min(created_at) as first_low_review_at
  from reviews
  where rating <= 2
  group by as_of, order_id
),

final as (
  select
    r.as_of,
    r.request_id,
    r.order_id,
    o.buyer_id,
    o.merchant_id,
    o.category,
    r.requested_at,
    r.requested_at >= r.as_of::timestamp - interval 30 day as in_30d,
    r.requested_at >= r.as_of::timestamp - interval 90 day as in_90d,
    r.kind,
    r.reason,
    r.amount,
    r.status,
    r.escalated,
    r.kind = 'refund_only' as is_refund_only,
    list_contains($defect_reasons::varchar[], r.reason) as is_defect_reason,
    r.reason = 'not_received' as is_not_received,
    r.reason = 'not_received' and o.delivered_at < r.requested_at as is_not_received_on_delivered,
    -- abuse asks the whole order back; honest requests are often partial (one spoiled item, a price difference)
    r.amount >= o.amount as is_full_amount,
    case
      when o.delivered_at < r.requested_at
        then date_diff('minute', o.delivered_at, r.requested_at) / 60.0
    end as hours_after_delivery,
    case
      when r.merchant_responded_at is not null
        then greatest(0, date_diff('minute', r.requested_at, r.merchant_responded_at)) / 60.0
    end as response_hours,
    r.status = 'approved' as is_approved,
    r.status = 'rejected' as is_rejected,
    r.status in ('approved', 'rejected') as is_decided,
    r.decided_by = 'auto' and r.status = 'approved' as is_auto_refund,
    coalesce(lr.first_low_review_at < r.requested_at, false) as after_low_review,
    coalesce(f.is_confirmed, false) as buyer_confirmed,
    coalesce(f.is_high_risk, false) as buyer_high_risk,
    coalesce(f.is_confirmed or f.is_high_risk, false) as buyer_flagged
  from requests as r
  inner join orders as o on o.as_of = r.as_of and o.order_id = r.order_id
  left join flagged as f on f.as_of = r.as_of and f.buyer_id = o.buyer_id
  left join low_reviews as lr on lr.as_of = r.as_of and lr.order_id = r.order_id
  where r.requested_at >= r.as_of::timestamp - interval 365 day
)

select * from final
