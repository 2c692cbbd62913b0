-- One row per refund request in the window with its point-in-time context (scores, group, account age) and its abuse label.
-- Scores: the row with the largest as_of <= requested_at (ASOF JOIN), so no score computed after the request is used.
-- Sources are read as known at $as_of (known_<table>): a decision or verdict delivered later does not leak in.
with
requests as (
  select * from known_refund_requests(cast($as_of as timestamp))
  where requested_at >= cast($window_start as timestamp) and requested_at < cast($as_of as timestamp)
),
order_rows as (select order_id, buyer_id, merchant_id, category, delivered_at from known_orders(cast($as_of as timestamp))),
buyer_rows as (select buyer_id, registered_at from known_buyers(cast($as_of as timestamp))),
-- The score and group histories cover every buyer and week (10M orders: 11M buyer score rows); the ASOF joins sort
-- what they are given, so they get only the rows of the window's buyers and merchants.
request_orders as (select o.* from order_rows o semi join requests r using (order_id)),
request_buyers as (select distinct buyer_id from request_orders),
request_merchants as (select distinct merchant_id from request_orders),
buyer_scores as (select as_of, buyer_id, risk, tier from sim_buyer_scores semi join request_buyers using (buyer_id)),
merchant_scores as (
  select as_of, merchant_id, trust, tier from sim_merchant_scores semi join request_merchants using (merchant_id)
),
groups as (select as_of, group_id, buyer_id from sim_buyer_groups),
buyer_groups as (select as_of, group_id, buyer_id from groups semi join request_buyers using (buyer_id)),
request_scores as (select request_id, request_risk from sim_request_scores),
confirmed as (
  select buyer_id, min(closed_at) as confirmed_at
  from known_investigations(cast($as_of as timestamp)) where verdict = 'confirmed_abuse'
  group by buyer_id
),
joined as (
  select
    r.request_id, o.buyer_id, o.merchant_id, r.requested_at,
    cast(floor(date_diff('second', cast($window_start as timestamp), r.requested_at) / 604800) as integer) as week,
    r.kind, r.reason, r.amount, r.status, r.merchant_responded_at, r.decided_at, r.decided_by, r.escalated, r.returned_at,
    o.category,
    date_diff('second', b.registered_at, r.requested_at) / 86400.0 as buyer_account_age_days,
    -- a delivery recorded after the request was not known when the buyer asked
    case when o.delivered_at < r.requested_at then date_diff('second', o.delivered_at, r.requested_at) / 3600.0 end as hours_since_delivery
  from requests r
  join request_orders o on o.order_id = r.order_id
  left join buyer_rows b on b.buyer_id = o.buyer_id
),
with_buyer_score as (
  select j.*, s.risk as buyer_risk, s.tier as buyer_tier
  from joined j asof left join buyer_scores s on s.buyer_id = j.buyer_id and j.requested_at >= s.as_of
),
with_merchant_score as (
  select j.*, m.trust as merchant_trust, m.tier as merchant_tier
  from with_buyer_score j asof left join merchant_scores m on m.merchant_id = j.merchant_id and j.requested_at >= m.as_of
),
with_group as (
  select j.request_id, j.buyer_id, j.requested_at, g.as_of as group_as_of, g.group_id
  from with_buyer_score j asof left join buyer_groups g on g.buyer_id = j.buyer_id and j.requested_at >= g.as_of
),
members as (
  -- A buyer with no group row forms a group of one.
  select w.request_id, w.requested_at, coalesce(m.buyer_id, w.buyer_id) as member_id
  from with_group w
  left join groups m on m.as_of = w.group_as_of and m.group_id = w.group_id
),
group_confirmed as (
  select mb.request_id, count(distinct mb.member_id) filter (where c.confirmed_at < mb.requested_at) as group_confirmed_abusers
  from members mb left join confirmed c on c.buyer_id = mb.member_id
  group by mb.request_id
),
final as (
  select
    j.*,
    rs.request_risk,
    gc.group_confirmed_abusers,
    coalesce(j.buyer_account_age_days < 30, false) as is_new_buyer,
    -- The confirmed label: an investigation closed with confirmed_abuse before the as-of date, whenever the request was.
    coalesce(c.confirmed_at < cast($as_of as timestamp), false) as abusive
  from with_merchant_score j
  join group_confirmed gc using (request_id)
  left join request_scores rs using (request_id)
  left join confirmed c on c.buyer_id = j.buyer_id
)
select * from final
