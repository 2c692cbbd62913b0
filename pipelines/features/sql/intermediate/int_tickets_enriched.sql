-- Service tickets opened in the 365 days before each date, with window flags, hours to first response and whether that answer was slow.
with tickets as (
  select * from stg_service_tickets
),

final as (
  select
    t.as_of,
    t.ticket_id,
    t.merchant_id,
    t.opened_at,
    t.opened_at >= t.as_of::timestamp - interval 90 day as in_90d,
    case
      when t.first_response_at is not null
        then greatest(0, date_diff('minute', t.opened_at, t.first_response_at)) / 60.0
    end as response_hours,
    -- first answer later than 24 hours, or none 24 hours after opening (a ticket opened in the last day is not slow yet)
    case
      when t.first_response_at is not null then t.first_response_at > t.opened_at + interval 24 hour
      else t.opened_at + interval 24 hour <= t.as_of::timestamp
    end as is_slow_response,
    t.resolved,
    t.satisfaction,
    t.attitude_complaint
  from tickets as t
  where t.opened_at >= t.as_of::timestamp - interval 365 day
)

select * from final
