-- Orders placed in each scorecard window [T - window, T), as they stood at T: whether the shipping promise was kept
-- (judged once the promise fell due before T) and whether an unflagged buyer asked for a refund over a product defect.
with weeks as (
  select * from gov_weeks
),

orders as (
  select * from orders
),

requests as (
  select * from refund_requests
),

flagged as (
  select * from gov_flagged
),

bounds as (
  select any_value(first_s) as first_s, any_value(weeks) as weeks, any_value(window_s) as window_s from weeks
),

-- an order's defect request counts in the windows that hold the order (it comes later, but before T); one made on or
-- after the last week's T counts in none
defect_requests as (
  select r.order_id, min(r.requested_at) as defect_requested_at
  from requests as r
  where r.reason in ('not_as_described', 'quality', 'damaged', 'wrong_item') and r.requested_at < $as_of::timestamp
  group by all
),

spread as (
  select o.*, d.defect_requested_at, unnest(gov_week_indexes(o.created_at, b.first_s, b.weeks, b.window_s)) as week_index
  from orders as o
  cross join bounds as b
  left join defect_requests as d on d.order_id = o.order_id
  -- only the rows inside the weeks' windows, bounds folded from the parameters so the scan skips the rest
  where o.created_at >= $as_of::timestamp - to_days(7 * ($weeks::integer - 1) + $window_days::integer)
    and o.created_at < $as_of::timestamp
),

windowed as (
  select
    w.as_of,
    w.as_of_ts,
    o.order_id,
    o.merchant_id,
    o.buyer_id,
    o.promised_ship_by,
    case when o.shipped_at < w.as_of_ts then o.shipped_at end as shipped_at,
    case when o.cancelled_at < w.as_of_ts then o.cancelled_at end as cancelled_at,
    coalesce(o.defect_requested_at < w.as_of_ts, false) as has_defect_request
  from weeks as w
  inner join spread as o using (week_index)
  anti join flagged as f on f.as_of = w.as_of and f.buyer_id = o.buyer_id
),

final as (
  select
    o.as_of,
    o.order_id,
    o.merchant_id,
    -- the promise fell due before T and the order was not cancelled before it: a verdict is possible
    coalesce(o.promised_ship_by < o.as_of_ts and not coalesce(o.cancelled_at <= o.promised_ship_by, false), false)
      as ship_judged,
    coalesce(o.shipped_at > o.promised_ship_by or (o.shipped_at is null and o.cancelled_at is null), false)
      as shipped_late,
    o.has_defect_request
  from windowed as o
)

select * from final
