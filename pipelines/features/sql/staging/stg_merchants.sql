-- Merchants opened before each feature date. A merchant delivered without an opening date counts from its first
-- order, marked as derived.
with source as (
  -- the rows as known at each date: a correction delivered later does not leak in
  select * from known_merchants_dated()
),

undated as (
  select as_of, merchant_id from source where opened_at is null
),

-- the orders each date knew (stg_orders), not the contract table again: rereading it once per date cost more than the
-- rest of this model
first_orders as (
  select o.as_of, o.merchant_id, min(o.created_at) as first_order_at
  from stg_orders as o
  semi join undated as u on u.as_of = o.as_of and u.merchant_id = o.merchant_id
  group by o.as_of, o.merchant_id
),

final as (
  select
    s.as_of,
    s.merchant_id,
    s.main_category,
    coalesce(s.opened_at, f.first_order_at) as opened_at,
    s.opened_at is null as opened_at_derived
  from source as s
  left join first_orders as f on f.as_of = s.as_of and f.merchant_id = s.merchant_id
  where coalesce(s.opened_at, f.first_order_at) < s.as_of::timestamp
)

select * from final
