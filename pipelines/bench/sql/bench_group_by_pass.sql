-- The features stage's yardstick: one plain pass over the orders, grouped per buyer (count and spend), nothing else.
with
buyer_orders as (select buyer_id, amount from orders),
final as (
  select buyer_id, count(*) as orders, sum(amount) as spend
  from buyer_orders
  group by buyer_id
)
select * from final
