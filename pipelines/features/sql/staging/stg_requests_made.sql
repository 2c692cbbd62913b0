-- Refund requests made in the week before each date of request_weeks, with only what is known the moment each is made
-- (no outcome); a request belongs to every week whose 7 days hold it.
with source as (
  select * from refund_requests
),

weeks as (
  select * from request_weeks
),

final as (
  select
    w.as_of,
    s.request_id,
    s.order_id,
    s.requested_at,
    s.kind,
    s.reason,
    s.amount -- DECIMAL(18,2): sums of money stay exact, whatever order threads add them in
  from source as s
  inner join weeks as w
    on s.requested_at >= w.as_of::timestamp - interval 7 day
    and s.requested_at < w.as_of::timestamp
)

select * from final
