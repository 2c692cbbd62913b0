-- Category mixes spread over 1,000 slots (shares are whole permille), for equality-join picks of a shop's or an order's category.
create or replace table w_category_slots as
with categories as (
  select * from w_categories
),
final as (
  select 'merchant' as mix, category, unnest(range(merchant_lo, merchant_hi)) as slot from categories
  union all
  select 'order' as mix, category, unnest(range(order_lo, order_hi)) as slot from categories
)
select * from final
