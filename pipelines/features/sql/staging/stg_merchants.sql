-- Merchants opened before $as_of. A merchant delivered without an opening date counts from its first order, marked as
-- derived.
with source as (
  -- the rows as known at $as_of: a correction delivered later does not leak in
  select * from known_merchants($as_of::timestamp)
),

undated as (
  select merchant_id from source where opened_at is null
),

first_orders as (
  select o.merchant_id, min(o.created_at) as first_order_at
  from known_orders($as_of::timestamp) as o
  semi join undated using (merchant_id)
  where o.created_at < $as_of::timestamp
  group by o.merchant_id
),

final as (
  select
    s.merchant_id,
    s.main_category,
    coalesce(s.opened_at, f.first_order_at) as opened_at,
    s.opened_at is null as opened_at_derived
  from source as s
  left join first_orders as f using (merchant_id)
  where coalesce(s.opened_at, f.first_order_at) < $as_of::timestamp
)

select * from final
