-- Contract table refund_requests from the generator's work tables (already in id order, so no sort here).
with requests as (
  select * from w_requests
),
final as (
  select
    printf('r%08d', r) as request_id,
    printf('o%09d', o) as order_id,
    tl_ts(requested_s) as requested_at,
    kind,
    reason,
    amount::DECIMAL(18, 2) as amount,
    status,
    tl_ts(merchant_responded_s) as merchant_responded_at,
    tl_ts(decided_s) as decided_at,
    decided_by,
    escalated,
    tl_ts(returned_s) as returned_at
  from requests
)
select * from final
