-- The first week of request_weeks that rows delivered after load batch $batch may change. A week holds the requests
-- made in its 7 days, described from their own row, their order's, their buyer's, their order's low reviews and the
-- verdicts closed before them, so every week ending after the earliest such time may be stale. Every version of a
-- delivered request or case counts: an edit can move a row out of a week as well as into one. Null: nothing delivered
-- since can change any week.
with requests_delivered as (
  select distinct request_id from {{refund_requests}} where batch_id > $batch
),

orders_delivered as (
  select distinct order_id from {{orders}} where batch_id > $batch
),

buyers_delivered as (
  select distinct buyer_id from {{buyers}} where batch_id > $batch
),

cases_delivered as (
  select distinct case_id from {{investigations}} where batch_id > $batch
),

request_versions as (
  select v.requested_at from {{refund_requests}} as v semi join requests_delivered using (request_id)
),

-- an order, a buyer or a review reaches a week through the requests on its order
touched_orders as (
  select order_id from orders_delivered
  union
  select o.order_id from orders as o semi join buyers_delivered using (buyer_id)
  union
  -- a review's row key holds its order: a delivered review never leaves the order it names
  select order_id from {{reviews}} where batch_id > $batch
),

order_requests as (
  select r.requested_at from refund_requests as r semi join touched_orders using (order_id)
),

case_closings as (
  select v.closed_at from {{investigations}} as v semi join cases_delivered using (case_id)
),

earliest as (
  select min(requested_at) as changed_at from request_versions
  union all
  select min(requested_at) from order_requests
  union all
  select min(closed_at) from case_closings
),

final as (
  select strftime(min(w.as_of), '%Y-%m-%d') as first_stale
  from request_weeks as w
  where w.as_of::timestamp > (select min(changed_at) from earliest)
)

select * from final
