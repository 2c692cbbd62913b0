-- Every scorecard metric per (week, merchant, standard) in one long table: the merchant's value, the cases behind it
-- and how many of them failed: for a share, the cases it counts; for a median, the cases over the standard's limit (the
-- evidence gov_scorecard.sql weighs). A merchant without a case for a standard that week has no row for it.
with requests as (
  select * from gov_requests
),

tickets as (
  select * from gov_tickets
),

reviews as (
  select * from gov_reviews
),

orders as (
  select * from gov_orders
),

-- a ticket or request can be judged on response time once answered, or once the limit has passed unanswered
ticket_response as (
  select
    as_of,
    merchant_id,
    count(*) as cases,
    median(response_hours) as median_hours,
    count(*) filter (where response_hours > $ticket_response_median_hours) as over_median_limit,
    count(*) filter (where response_hours > $ticket_response_hours) as late
  from tickets
  where responded or age_hours > $ticket_response_hours
  group by all
),

refund_response as (
  select
    as_of,
    merchant_id,
    count(*) as cases,
    median(response_hours) as median_hours,
    count(*) filter (where response_hours > $refund_response_median_hours) as over_median_limit,
    count(*) filter (where response_hours > $refund_response_hours) as late
  from requests
  where (responded or age_hours > $refund_response_hours) and not (status = 'withdrawn' and not responded)
  group by all
),

ticket_resolution as (
  select
    as_of,
    merchant_id,
    count(*) filter (where age_hours >= $resolution_hours) as cases,
    count(*) filter (where age_hours >= $resolution_hours and not resolved) as unresolved,
    count(*) filter (where resolved) as resolved_cases,
    median(resolution_hours) as median_resolution_hours,
    count(*) filter (where resolved and resolution_hours > $resolution_time_hours) as resolved_slowly,
    count(*) as tickets,
    count(*) filter (where attitude_complaint) as complaints
  from tickets
  group by all
),

request_handling as (
  select
    as_of,
    merchant_id,
    count(*) filter (where is_decided) as decided,
    count(*) filter (where dispute_lost) as disputes_lost,
    count(*) filter (where is_decided and reason = 'no_reason_7day') as no_reason,
    count(*) filter (where is_decided and reason = 'no_reason_7day' and (merchant_refused or auto_refunded)) as no_reason_failed,
    count(*) filter (where category = 'fresh_food' and status <> 'withdrawn' and age_hours >= $fresh_food_hours) as fresh,
    count(*) filter (
      where category = 'fresh_food' and status <> 'withdrawn' and age_hours >= $fresh_food_hours
        and coalesce(decision_hours > $fresh_food_hours, true)
    ) as fresh_slow,
    count(*) filter (where is_decided and category = 'electronics' and kind = 'exchange') as exchanges,
    count(*) filter (where is_decided and category = 'electronics' and kind = 'exchange' and merchant_refused) as exchanges_refused
  from requests
  group by all
),

service_ratings as (
  select
    as_of,
    merchant_id,
    count(*) as cases,
    count(*) filter (where service <= $low_service_rating) as low
  from reviews
  group by all
),

fulfilment as (
  select
    as_of,
    merchant_id,
    count(*) filter (where ship_judged) as judged,
    count(*) filter (where ship_judged and shipped_late) as late,
    count(*) as orders,
    count(*) filter (where has_defect_request) as defects
  from orders
  group by all
),

long as (
  select as_of, merchant_id, 'ticket_response_median' as standard, median_hours as value, cases, over_median_limit as failed
  from ticket_response
  union all
  select as_of, merchant_id, 'ticket_response_late', late / cases, cases, late from ticket_response
  union all
  select as_of, merchant_id, 'refund_response_median', median_hours, cases, over_median_limit from refund_response
  union all
  select as_of, merchant_id, 'refund_response_late', late / cases, cases, late from refund_response
  union all
  select as_of, merchant_id, 'ticket_resolution', 1 - unresolved / cases, cases, unresolved
  from ticket_resolution where cases > 0
  union all
  select as_of, merchant_id, 'ticket_resolution_time', median_resolution_hours, resolved_cases, resolved_slowly
  from ticket_resolution where resolved_cases > 0
  union all
  select as_of, merchant_id, 'attitude_complaints', complaints / tickets, tickets, complaints from ticket_resolution
  union all
  select as_of, merchant_id, 'low_service_ratings', low / cases, cases, low from service_ratings
  union all
  select as_of, merchant_id, 'disputes_lost', disputes_lost / decided, decided, disputes_lost
  from request_handling where decided > 0
  union all
  select as_of, merchant_id, 'no_reason_refused', no_reason_failed / no_reason, no_reason, no_reason_failed
  from request_handling where no_reason > 0
  union all
  select as_of, merchant_id, 'fresh_food_slow_decision', fresh_slow / fresh, fresh, fresh_slow
  from request_handling where fresh > 0
  union all
  select as_of, merchant_id, 'electronics_exchange_refused', exchanges_refused / exchanges, exchanges, exchanges_refused
  from request_handling where exchanges > 0
  union all
  select as_of, merchant_id, 'late_shipment', late / judged, judged, late from fulfilment where judged > 0
  union all
  select as_of, merchant_id, 'quality_refunds', defects / orders, orders, defects from fulfilment
),

final as (
  select
    as_of,
    merchant_id,
    standard,
    value::double as value,
    cases::integer as cases,
    failed::integer as failed
  from long
)

select * from final
