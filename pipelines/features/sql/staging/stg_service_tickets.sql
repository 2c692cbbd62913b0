-- Service tickets opened before each feature date; a response or resolution on or after it is not yet known.
with source as (
  -- the rows as known at each date: a correction delivered later does not leak in
  select * from known_service_tickets_dated()
),

final as (
  select
    t.as_of,
    t.ticket_id,
    t.merchant_id,
    t.order_id,
    t.buyer_id,
    t.opened_at,
    case when t.first_response_at < t.as_of::timestamp then t.first_response_at end as first_response_at,
    case when t.resolved_at < t.as_of::timestamp then t.resolved_at end as resolved_at,
    -- a ticket resolved only after the date was still open at it
    t.resolved and coalesce(t.resolved_at < t.as_of::timestamp, true) as resolved,
    case when coalesce(t.resolved_at < t.as_of::timestamp, true) then t.satisfaction::integer end as satisfaction,
    t.attitude_complaint
  from source as t
  where t.opened_at < t.as_of::timestamp
)

select * from final
