-- Each buyer's exposure to the shops confirmed abusers use: their share of the shops' 365-day orders, relative to the platform's.
-- Abusers concentrate on shops whose after-sales they can work, so an abuser who has not asked for a refund yet still
-- shops where the caught ones did. The buyer's own orders are left out of every shop's share (a confirmed abuser's
-- verdict is its label, and would otherwise feed its own feature).
-- not materialized: both readers scan the pairs table, where a copy of its ~one row per order cost more than either
with pairs as not materialized (
  select * from int_buyer_merchants_paired where orders_365d > 0
),

shops as (
  select
    as_of,
    merchant_id,
    sum(orders_365d) as orders,
    coalesce(sum(orders_365d) filter (where buyer_confirmed), 0) as confirmed_orders
  from pairs
  group by as_of, merchant_id
),

platform as (
  select as_of, sum(confirmed_orders) / sum(orders) as confirmed_share
  from shops
  group by as_of
),

-- a shop with no other buyer says nothing about this one
shared as (
  select
    p.as_of,
    p.buyer_id,
    p.orders_365d,
    (s.confirmed_orders - case when p.buyer_confirmed then p.orders_365d else 0 end) / (s.orders - p.orders_365d)
      as others_confirmed_share
  from pairs as p
  join shops as s on s.as_of = p.as_of and s.merchant_id = p.merchant_id
  where s.orders > p.orders_365d
),

final as (
  select
    x.as_of,
    x.buyer_id,
    -- summed as decimals, so the bytes do not depend on the order threads add rows in; no confirmed abuser on the
    -- platform yet: unknown, not zero
    (
      sum(cast(x.orders_365d * x.others_confirmed_share as DECIMAL(38, 12)))::double / sum(x.orders_365d)
      / nullif(pl.confirmed_share, 0)
    )::double as abuser_shop_exposure_365d
  from shared as x
  join platform as pl on pl.as_of = x.as_of
  group by x.as_of, x.buyer_id, pl.confirmed_share
)

select * from final
