-- Refund requests made before $as_of, with the outcome as it stood at $as_of (a decision taken later reads as pending).
with source as (
  -- the rows as known at $as_of: a correction delivered later does not leak in
  select * from known_refund_requests($as_of::timestamp)
),

as_of as (
  select $as_of::timestamp as ts
),

final as (
  select
    r.request_id,
    r.order_id,
    r.requested_at,
    r.kind,
    r.reason,
    r.amount, -- DECIMAL(18,2): sums of money stay exact, whatever order threads add them in
    case
      when r.decided_at >= a.ts then 'pending'
      else r.status
    end as status,
    case when r.merchant_responded_at < a.ts then r.merchant_responded_at end as merchant_responded_at,
    case when r.decided_at < a.ts then r.decided_at end as decided_at,
    case when r.decided_at >= a.ts then null else r.decided_by end as decided_by,
    r.escalated,
    case when r.returned_at < a.ts then r.returned_at end as returned_at
  from source as r
  cross join as_of as a
  where r.requested_at < a.ts
)

select * from final
