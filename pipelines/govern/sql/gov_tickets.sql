-- Service tickets opened in each scorecard window [T - window, T), as they stood at T: hours to the first answer
-- (unanswered: hours elapsed by T) and to resolution. Tickets of buyers flagged at T are left out.
with weeks as (
  select * from gov_weeks
),

tickets as (
  select * from service_tickets
),

flagged as (
  select * from gov_flagged
),

bounds as (
  select any_value(first_s) as first_s, any_value(weeks) as weeks, any_value(window_s) as window_s from weeks
),

spread as (
  select t.*, unnest(gov_week_indexes(t.opened_at, b.first_s, b.weeks, b.window_s)) as week_index
  from tickets as t
  cross join bounds as b
  -- only the rows inside the weeks' windows, bounds folded from the parameters so the scan skips the rest
  where t.opened_at >= $as_of::timestamp - to_days(7 * ($weeks::integer - 1) + $window_days::integer)
    and t.opened_at < $as_of::timestamp
),

windowed as (
  select
    w.as_of,
    w.as_of_ts,
    t.ticket_id,
    t.merchant_id,
    t.opened_at,
    case when t.first_response_at < w.as_of_ts then t.first_response_at end as first_response_at,
    case when t.resolved and t.resolved_at < w.as_of_ts then t.resolved_at end as resolved_at,
    -- a ticket resolved without a recorded time counts as resolved; one resolved after T was still open at T
    t.resolved and coalesce(t.resolved_at < w.as_of_ts, true) as resolved,
    t.attitude_complaint
  from weeks as w
  inner join spread as t using (week_index)
  anti join flagged as f on f.as_of = w.as_of and f.buyer_id = t.buyer_id
),

final as (
  select
    as_of,
    ticket_id,
    merchant_id,
    date_diff('second', opened_at, coalesce(first_response_at, as_of_ts)) / 3600.0 as response_hours,
    first_response_at is not null as responded,
    date_diff('second', opened_at, as_of_ts) / 3600.0 as age_hours,
    resolved,
    case when resolved_at is not null then date_diff('second', opened_at, resolved_at) / 3600.0 end as resolution_hours,
    attitude_complaint
  from windowed
)

select * from final
