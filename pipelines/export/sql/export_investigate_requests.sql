-- Refund requests of the $lookback_days days before $as_of by queued or high-risk buyers and every member of their linked groups.
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

queue as (
  select buyer_id from risk_queue_history where as_of = $as_of::date
),

high_risk as (
  select buyer_id from score_buyer_history where as_of = $as_of::date and tier = 'high'
),

groups as (
  select group_id, buyer_id from buyer_groups where as_of = $as_of::date
),

focus as (
  select buyer_id from queue
  union
  select buyer_id from high_risk
),

focus_groups as (
  select distinct groups.group_id
  from groups
  join focus using (buyer_id)
),

members as (
  select buyer_id from focus
  union
  select groups.buyer_id
  from groups
  join focus_groups using (group_id)
),

confirmed as (
  select distinct buyer_id
  from investigations
  where verdict = 'confirmed_abuse' and closed_at < $as_of::date
),

final as (
  select
    r.request_id,
    o.buyer_id,
    coalesce(g.group_id, o.buyer_id) as group_id,
    o.merchant_id,
    r.order_id,
    o.category,
    o.amount as order_amount,
    o.created_at as ordered_at,
    o.delivered_at,
    r.requested_at,
    r.kind,
    r.reason,
    r.amount,
    r.status,
    r.decided_by,
    r.escalated,
    date_diff('minute', o.delivered_at, r.requested_at) / 60.0 as hours_delivery_to_request,
    o.device_key,
    o.address_key,
    o.payment_key,
    c.buyer_id is not null as buyer_confirmed_abuser
  from refund_requests r
  join orders o using (order_id)
  join members m on m.buyer_id = o.buyer_id
  left join groups g on g.buyer_id = o.buyer_id
  left join confirmed c on c.buyer_id = o.buyer_id
  where r.requested_at >= $as_of::date - to_days(cast($lookback_days as integer))
    and r.requested_at < $as_of::date
  order by o.buyer_id, r.requested_at, r.request_id
)

select * from final
