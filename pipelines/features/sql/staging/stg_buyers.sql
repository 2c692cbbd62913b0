-- Buyers registered before $as_of: accounts that did not exist yet are invisible at the feature date. A buyer delivered
-- without a registration date counts from its first order, marked as derived (never shown as a fact in reasons).
with source as (
  -- the rows as known at $as_of: a correction delivered later does not leak in
  select * from known_buyers($as_of::timestamp)
),

undated as (
  select buyer_id from source where registered_at is null
),

first_orders as (
  select o.buyer_id, min(o.created_at) as first_order_at
  from known_orders($as_of::timestamp) as o
  semi join undated using (buyer_id)
  where o.created_at < $as_of::timestamp
  group by o.buyer_id
),

final as (
  select
    s.buyer_id,
    coalesce(s.registered_at, f.first_order_at) as registered_at,
    s.registered_at is null as registered_at_derived
  from source as s
  left join first_orders as f using (buyer_id)
  where coalesce(s.registered_at, f.first_order_at) < $as_of::timestamp
)

select * from final
