-- Orders placed before $as_of; shipment, delivery and cancellation that happen on or after $as_of are not yet known.
with source as (
  -- the rows as known at $as_of: a correction delivered later does not leak in
  select * from known_orders($as_of::timestamp)
),

as_of as (
  select $as_of::timestamp as ts
),

final as (
  select
    o.order_id,
    o.buyer_id,
    o.merchant_id,
    o.category,
    o.amount, -- DECIMAL(18,2): sums of money stay exact, whatever order threads add them in
    o.created_at,
    o.promised_ship_by,
    case when o.shipped_at < a.ts then o.shipped_at end as shipped_at,
    case when o.delivered_at < a.ts then o.delivered_at end as delivered_at,
    case when o.cancelled_at < a.ts then o.cancelled_at end as cancelled_at,
    nullif(o.address_key, '') as address_key,
    nullif(o.device_key, '') as device_key,
    nullif(o.payment_key, '') as payment_key
  from source as o
  cross join as_of as a
  where o.created_at < a.ts
)

select * from final
