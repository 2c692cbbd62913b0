-- The first history week that rows delivered after load batch $batch may change: week T reads a row only when its event
-- time is before T (an order's requests and reviews count only from their own times, and a request's defect reason
-- marks its order only once requested), so every week after the earliest such time may be stale. A verdict's closing
-- time may itself have changed, so every version of a case delivered later counts. A merchant whose main category
-- changed moves every week. Null: nothing delivered since can change any week.
with weeks as (
  select * from gov_history_weeks
),

orders_delivered as (
  select order_id, created_at from {{orders}} where batch_id > $batch
),

requests_delivered as (
  select requested_at from {{refund_requests}} where batch_id > $batch
),

reviews_delivered as (
  select created_at from {{reviews}} where batch_id > $batch
),

tickets_delivered as (
  select opened_at from {{service_tickets}} where batch_id > $batch
),

cases_delivered as (
  select distinct case_id from {{investigations}} where batch_id > $batch
),

merchants_delivered as (
  select distinct merchant_id from {{merchants}} where batch_id > $batch and version > 1
),

-- a request may arrive before its order (its merchant is unknown until then): an order delivered later brings in its
-- requests and reviews from their own times
order_requests as (
  select r.requested_at from refund_requests as r semi join orders_delivered as o using (order_id)
),

order_reviews as (
  select v.created_at from reviews as v semi join orders_delivered as o using (order_id)
),

case_closings as (
  select v.closed_at from {{investigations}} as v semi join cases_delivered as c using (case_id)
),

category_moved as (
  select merchant_id
  from {{merchants}} as v
  semi join merchants_delivered as d using (merchant_id)
  group by merchant_id
  having count(distinct v.main_category) > 1
),

earliest as (
  select min(created_at) as changed_at from orders_delivered
  union all
  select min(requested_at) from requests_delivered
  union all
  select min(created_at) from reviews_delivered
  union all
  select min(opened_at) from tickets_delivered
  union all
  select min(requested_at) from order_requests
  union all
  select min(created_at) from order_reviews
  union all
  select min(closed_at) from case_closings
  union all
  select case when exists (select 1 from category_moved) then '-infinity'::timestamp end
),

final as (
  select strftime(min(w.as_of), '%Y-%m-%d') as first_stale
  from weeks as w
  where w.as_of_ts > (select min(changed_at) from earliest)
)

select * from final
