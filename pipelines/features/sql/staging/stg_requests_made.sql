-- Refund requests made in the week before $as_of, with only what is known the moment each is made (no outcome).
with source as (
  select * from refund_requests
),

final as (
  select
    request_id,
    order_id,
    requested_at,
    kind,
    reason,
    amount -- DECIMAL(18,2): sums of money stay exact, whatever order threads add them in
  from source
  where requested_at >= $as_of::timestamp - interval 7 day
    and requested_at < $as_of::timestamp
)

select * from final
