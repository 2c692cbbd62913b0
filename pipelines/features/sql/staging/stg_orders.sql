-- Orders placed before each feature date; shipment, delivery and cancellation that happen on or after it are not yet
-- known. One row per order and date (as_of): every later model carries as_of through its joins and groups.
with source as (
  -- the rows as known at each date: a correction delivered later does not leak in
  select * from known_orders_dated()
),

final as (
  select
    o.as_of,
    o.order_id,
    o.buyer_id,
    o.merchant_id,
    o.category,
    o.amount, -- DECIMAL(18,2): sums of money stay exact, whatever order threads add them in
    o.created_at,
    o.promised_ship_by,
    case when o.shipped_at < o.as_of::timestamp then o.shipped_at end as shipped_at,
    case when o.delivered_at < o.as_of::timestamp then o.delivered_at end as delivered_at,
    case when o.cancelled_at < o.as_of::timestamp then o.cancelled_at end as cancelled_at,
    nullif(o.address_key, '') as address_key,
    nullif(o.device_key, '') as device_key,
    nullif(o.payment_key, '') as payment_key
  from source as o
  where o.created_at < o.as_of::timestamp
)

select * from final
