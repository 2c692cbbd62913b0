-- Orders and refund-only requests per buyer and merchant over 90 and 365 days, the unit of the buyer's excess over merchant baselines.
-- guest checkouts (no buyer id) are no buyer's
with orders as (
  select * from int_orders_enriched where buyer_id is not null
),

requests as (
  select * from int_requests_enriched where buyer_id is not null
),

pair_orders as (
  select
    as_of,
    buyer_id,
    merchant_id,
    count(*) filter (where in_90d) as orders_90d,
    count(*) as orders_365d,
    bool_or(buyer_flagged) as buyer_flagged,
    bool_or(buyer_confirmed) as buyer_confirmed
  from orders
  group by as_of, buyer_id, merchant_id
),

pair_requests as (
  select
    as_of,
    buyer_id,
    merchant_id,
    count(*) filter (where is_refund_only and in_90d) as refund_only_90d,
    count(*) filter (where is_refund_only) as refund_only_365d,
    bool_or(buyer_flagged) as buyer_flagged
  from requests
  group by as_of, buyer_id, merchant_id
),

final as (
  select
    as_of,
    buyer_id,
    merchant_id,
    coalesce(o.orders_90d, 0) as orders_90d,
    coalesce(o.orders_365d, 0) as orders_365d,
    coalesce(r.refund_only_90d, 0) as refund_only_90d,
    coalesce(r.refund_only_365d, 0) as refund_only_365d,
    coalesce(o.buyer_flagged, r.buyer_flagged) as buyer_flagged,
    coalesce(o.buyer_confirmed, false) as buyer_confirmed
  from pair_orders as o
  full outer join pair_requests as r using (as_of, buyer_id, merchant_id)
)

select * from final
