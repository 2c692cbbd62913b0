-- The refund requests of the warehouse's last 28 days in the refund_requests contract's shape: what decide's bench sends.
with

requests as (
  select * from refund_requests
),

latest as (
  select max(requested_at) as requested_at from requests
),

final as (
  select
    r.request_id,
    r.order_id,
    strftime(r.requested_at, '%Y-%m-%dT%H:%M:%SZ') as requested_at,
    r.kind,
    r.reason,
    r.amount::double as amount
  from requests as r
  cross join latest
  where r.requested_at >= latest.requested_at - interval 28 day
  order by r.request_id
)

select * from final
