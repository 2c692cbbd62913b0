-- Contract table orders from the generator's work tables (linking keys as opaque hex hashes; rows already in id order).
with orders as (
  select * from w_orders
),
final as (
  select
    printf('o%09d', o) as order_id,
    printf('b%07d', b) as buyer_id,
    printf('m%05d', m) as merchant_id,
    -- the generator makes one order per merchant and only the seven categories: nothing split, no other code to keep
    null::varchar as parent_order_id,
    category,
    null::varchar as category_source,
    amount::DECIMAL(18, 2) as amount,
    tl_ts(created_s) as created_at,
    tl_ts(promise_s) as promised_ship_by,
    tl_ts(shipped_s) as shipped_at,
    tl_ts(delivered_s) as delivered_at,
    tl_ts(cancelled_s) as cancelled_at,
    lower(printf('%016x', address_key)) as address_key,
    lower(printf('%016x', device_key)) as device_key,
    lower(printf('%016x', payment_key)) as payment_key
  from orders
)
select * from final
