-- Reviews written in each scorecard window [T - window, T) with a service (DSR) rating; reviews of buyers flagged at T
-- are left out.
with weeks as (
  select * from gov_weeks
),

reviews as (
  select * from reviews
),

orders as (
  select * from orders
),

flagged as (
  select * from gov_flagged
),

bounds as (
  select any_value(first_s) as first_s, any_value(weeks) as weeks, any_value(window_s) as window_s from weeks
),

spread as (
  select v.*, unnest(gov_week_indexes(v.created_at, b.first_s, b.weeks, b.window_s)) as week_index
  from reviews as v
  cross join bounds as b
  -- only the rows inside the weeks' windows, bounds folded from the parameters so the scan skips the rest
  where v.created_at >= $as_of::timestamp - to_days(7 * ($weeks::integer - 1) + $window_days::integer)
    and v.created_at < $as_of::timestamp
    and v.service is not null
),

final as (
  select
    w.as_of,
    v.review_id,
    o.merchant_id,
    v.service
  from weeks as w
  inner join spread as v using (week_index)
  inner join orders as o on o.order_id = v.order_id
  anti join flagged as f on f.as_of = w.as_of and f.buyer_id = o.buyer_id
)

select * from final
