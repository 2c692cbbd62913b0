-- Orders in the warehouse, and how many are guest checkouts (no buyer id: counted for merchants, never scored as buyers).
with orders as (
  select * from orders
),

final as (
  select
    count(*) as orders,
    count(*) filter (where buyer_id is null) as guest_orders
  from orders
)

select * from final
