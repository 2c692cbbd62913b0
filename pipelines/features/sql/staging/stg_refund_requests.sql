-- Refund requests made before each feature date, with the outcome as it stood then (a decision taken later reads as
-- pending).
with source as (
  -- the rows as known at each date: a correction delivered later does not leak in
  select * from known_refund_requests_dated()
),

final as (
  select
    r.as_of,
    r.request_id,
    r.order_id,
    r.requested_at,
    r.kind,
    r.reason,
    r.amount, -- DECIMAL(18,2): sums of money stay exact, whatever order threads add them in
    case
      when r.decided_at >= r.as_of::timestamp then 'pending'
      else r.status
    end as status,
    case when r.merchant_responded_at < r.as_of::timestamp then r.merchant_responded_at end as merchant_responded_at,
    case when r.decided_at < r.as_of::timestamp then r.decided_at end as decided_at,
    case when r.decided_at >= r.as_of::timestamp then null else r.decided_by end as decided_by,
    r.escalated,
    case when r.returned_at < r.as_of::timestamp then r.returned_at end as returned_at
  from source as r
  where r.requested_at < r.as_of::timestamp
)

select * from final
