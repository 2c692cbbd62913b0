-- Per-request inputs to replay a risk-gated refund-only policy client-side: refund requests of the $weeks weeks before $as_of, each with the buyer's latest risk and the merchant's latest trust scored on or before the request.
with

refund_requests as (
  select * from refund_requests
),

orders as (
  select * from orders
),

investigations as (
  select * from investigations
),

buyer_scores as (
  select as_of, buyer_id, risk, tier from score_buyer_history
),

merchant_scores as (
  select as_of, merchant_id, trust, tier from score_merchant_history
),

confirmed as (
  select distinct buyer_id
  from investigations
  where verdict = 'confirmed_abuse' and closed_at < $as_of::date
),

requests as (
  select
    r.request_id,
    r.requested_at,
    o.buyer_id,
    o.merchant_id,
    o.category,
    r.kind,
    r.reason,
    r.amount
  from refund_requests r
  join orders o using (order_id)
  where r.requested_at >= $as_of::date - to_days(7 * cast($weeks as integer))
    and r.requested_at < $as_of::date
),

with_buyer as (
  select requests.*, b.risk as buyer_risk, b.tier as buyer_tier
  from requests
  asof left join buyer_scores b
    on b.buyer_id = requests.buyer_id and b.as_of <= requests.requested_at
),

with_merchant as (
  select with_buyer.*, m.trust as merchant_trust, m.tier as merchant_tier
  from with_buyer
  asof left join merchant_scores m
    on m.merchant_id = with_buyer.merchant_id and m.as_of <= with_buyer.requested_at
),

final as (
  select
    request_id,
    strftime(date_trunc('week', requested_at), '%Y-%m-%d') as week,
    requested_at,
    with_merchant.buyer_id,
    merchant_id,
    category,
    kind,
    reason,
    amount,
    buyer_risk,
    buyer_tier,
    merchant_trust,
    merchant_tier,
    c.buyer_id is not null as buyer_confirmed_abuser
  from with_merchant
  left join confirmed c on c.buyer_id = with_merchant.buyer_id
  order by requested_at, request_id
)

select * from final
