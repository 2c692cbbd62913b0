-- Service tickets opened in the 90 days before as_of, with hours to first response.
with tickets as (
  select * from stg_service_tickets
),

as_of as (
  select $as_of::timestamp as ts
),

final as (
  select
    t.ticket_id,
    t.merchant_id,
    t.opened_at,
    case
      when t.first_response_at is not null
        then greatest(0, date_diff('minute', t.opened_at, t.first_response_at)) / 60.0
    end as response_hours,
    t.resolved,
    t.satisfaction,
    t.attitude_complaint
  from tickets as t
  cross join as_of as a
  where t.opened_at >= a.ts - interval 90 day
)

select * from final
