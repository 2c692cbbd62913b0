-- Service tickets opened before $as_of; a response or resolution on or after $as_of is not yet known.
with source as (
  -- the rows as known at $as_of: a correction delivered later does not leak in
  select * from known_service_tickets($as_of::timestamp)
),

as_of as (
  select $as_of::timestamp as ts
),

final as (
  select
    t.ticket_id,
    t.merchant_id,
    t.order_id,
    t.buyer_id,
    t.opened_at,
    case when t.first_response_at < a.ts then t.first_response_at end as first_response_at,
    case when t.resolved_at < a.ts then t.resolved_at end as resolved_at,
    -- a ticket resolved only after as_of was still open at as_of
    t.resolved and coalesce(t.resolved_at < a.ts, true) as resolved,
    case when coalesce(t.resolved_at < a.ts, true) then t.satisfaction::integer end as satisfaction,
    t.attitude_complaint
  from source as t
  cross join as_of as a
  where t.opened_at < a.ts
)

select * from final
