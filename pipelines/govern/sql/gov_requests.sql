-- Refund requests of each scorecard window [T - window, T), as they stood at T (a later answer or decision is not yet
-- known), with the merchant's handling flags the standards count. Requests of buyers flagged at T are left out.
with weeks as (
  select * from gov_weeks
),

requests as (
  select * from refund_requests
),

orders as (
  select * from orders
),

flagged as (
  select * from gov_flagged
),

bounds as (
  select any_value(first_s) as first_s, any_value(weeks) as weeks, any_value(window_s) as window_s from weeks
),

spread as (
  select r.*, unnest(gov_week_indexes(r.requested_at, b.first_s, b.weeks, b.window_s)) as week_index
  from requests as r
  cross join bounds as b
  -- only the rows inside the weeks' windows, bounds folded from the parameters so the scan skips the rest
  where r.requested_at >= $as_of::timestamp - to_days(7 * ($weeks::integer - 1) + $window_days::integer)
    and r.requested_at < $as_of::timestamp
),

windowed as (
  select
    w.as_of,
    w.as_of_ts,
    r.request_id,
    o.merchant_id,
    o.category,
    r.kind,
    r.reason,
    r.requested_at,
    case when r.merchant_responded_at < w.as_of_ts then r.merchant_responded_at end as responded_at,
    case when r.decided_at < w.as_of_ts then r.decided_at end as decided_at,
    case when r.decided_at < w.as_of_ts then r.decided_by end as decided_by,
    case when r.decided_at >= w.as_of_ts then 'pending' else r.status end as status,
    coalesce(r.escalated and r.decided_at < w.as_of_ts, false) as escalation_decided
  from weeks as w
  inner join spread as r using (week_index)
  inner join orders as o on o.order_id = r.order_id
  anti join flagged as f on f.as_of = w.as_of and f.buyer_id = o.buyer_id
),

final as (
  select
    as_of,
    request_id,
    merchant_id,
    category,
    kind,
    reason,
    status,
    decided_by,
    -- hours to the merchant's first answer; an unanswered request counts the hours elapsed by T (a lower bound)
    date_diff('second', requested_at, coalesce(responded_at, as_of_ts)) / 3600.0 as response_hours,
    responded_at is not null as responded,
    date_diff('second', requested_at, as_of_ts) / 3600.0 as age_hours,
    case when decided_at is not null then date_diff('second', requested_at, decided_at) / 3600.0 end as decision_hours,
    status in ('approved', 'rejected') as is_decided,
    -- the merchant refused: it rejected, or the buyer escalated its refusal and the platform has ruled
    escalation_decided or coalesce(decided_by = 'merchant' and status = 'rejected', false) as merchant_refused,
    coalesce(decided_by = 'auto' and status = 'approved', false) as auto_refunded,
    escalation_decided and status = 'approved' as dispute_lost
  from windowed
)

select * from final
