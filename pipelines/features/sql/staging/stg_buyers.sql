-- Buyers registered before each feature date: accounts that did not exist yet are invisible at it. A buyer delivered
-- without a registration date counts from its first order, marked as derived (never shown as a fact in reasons).
with source as (
  -- the rows as known at each date: a correction delivered later does not leak in
  select * from known_buyers_dated()
),

undated as (
  select as_of, buyer_id from source where registered_at is null
),

-- the orders each date knew (stg_orders), not the contract table again: rereading it once per date cost more than the
-- rest of this model
first_orders as (
  select o.as_of, o.buyer_id, min(o.created_at) as first_order_at
  from stg_orders as o
  semi join undated as u on u.as_of = o.as_of and u.buyer_id = o.buyer_id
  group by o.as_of, o.buyer_id
),

final as (
  select
    s.as_of,
    s.buyer_id,
    coalesce(s.registered_at, f.first_order_at) as registered_at,
    s.registered_at is null as registered_at_derived
  from source as s
  left join first_orders as f on f.as_of = s.as_of and f.buyer_id = s.buyer_id
  where coalesce(s.registered_at, f.first_order_at) < s.as_of::timestamp
)

select * from final
