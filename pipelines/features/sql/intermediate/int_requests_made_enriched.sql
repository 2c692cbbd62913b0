-- Each request of its week with its order and buyer as they stood when it was made: delivery only if before it, reviews before it.
with requests as (
  select * from stg_requests_made
),

order_rows as (
  select * from orders
),

buyer_rows as (
  select * from buyers
),

review_rows as (
  select * from reviews
),

low_reviews as (
  select
    order_id,
    min(created_at) as first_low_review_at
  from review_rows
  where rating <= 2
  group by order_id
),

final as (
  select
    r.as_of,
    r.request_id,
    r.order_id,
    r.requested_at,
    r.kind,
    r.reason,
    r.amount,
    o.buyer_id,
    o.merchant_id,
    o.category,
    o.amount::double as order_amount,
    o.created_at as ordered_at,
    o.promised_ship_by,
    -- a parcel delivered after the request had not arrived when the buyer asked
    case when o.delivered_at < r.requested_at then o.delivered_at end as delivered_at,
    b.registered_at,
    coalesce(lr.first_low_review_at < r.requested_at, false) as low_review_before
  from requests as r
  inner join order_rows as o on o.order_id = r.order_id
  left join buyer_rows as b on b.buyer_id = o.buyer_id
  left join low_reviews as lr on lr.order_id = r.order_id
)

select * from final
