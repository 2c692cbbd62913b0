-- Service tickets opened in the 90 days before each date, with hours to first response.
with tickets as (
  select * from stg_service_tickets
),

final as (
  select
    t.as_of,
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
  where t.opened_at >= t.as_of::timestamp - interval 90 day
)

select * from final
