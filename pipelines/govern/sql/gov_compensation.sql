-- The compensation ledger per (week, merchant): refund-only money paid in the week [T - 7 days, T) for goods the buyer
-- kept, split into confirmed (the buyer has a confirmed-abuse verdict closed before $known_as_of) and expected (every
-- other buyer: amount x the buyer's latest risk scored on or before $known_as_of), with the request ids behind each,
-- and running totals over the history weeks. Past weeks are restated with what is known at $known_as_of.
with weeks as (
  select * from gov_history_weeks
),

requests as (
  select * from refund_requests
),

orders as (
  select * from orders
),

investigations as (
  select * from investigations
),

scores as (
  select * from gov_buyer_scores
),

confirmed as (
  select buyer_id
  from investigations
  where verdict = 'confirmed_abuse' and closed_at < $known_as_of::timestamp
  group by buyer_id
),

latest_risk as (
  select buyer_id, arg_max(risk, as_of) as risk
  from scores
  where as_of <= $known_as_of::date
  group by buyer_id
),

bounds as (
  select any_value(first_s) as first_s, any_value(weeks) as weeks from weeks
),

-- refund-only money paid for goods kept, placed in the week its decision fell in
kept as (
  select r.*, unnest(gov_week_indexes(r.decided_at, b.first_s, b.weeks, 604800)) as week_index
  from requests as r
  cross join bounds as b
  where r.kind = 'refund_only' and r.status = 'approved' and r.returned_at is null
),

paid as (
  select
    w.as_of,
    o.merchant_id,
    r.request_id,
    r.amount,
    c.buyer_id is not null as is_confirmed,
    coalesce(lr.risk, 0) as risk
  from weeks as w
  inner join kept as r using (week_index)
  inner join orders as o on o.order_id = r.order_id
  left join confirmed as c on c.buyer_id = o.buyer_id
  left join latest_risk as lr on lr.buyer_id = o.buyer_id
),

weekly as (
  select
    as_of,
    merchant_id,
    coalesce(sum(amount) filter (where is_confirmed), 0) as confirmed_amount,
    count(*) filter (where is_confirmed) as confirmed_requests,
    coalesce(list(request_id order by request_id) filter (where is_confirmed), []) as confirmed_request_ids,
    coalesce(sum(amount::double * risk) filter (where not is_confirmed), 0) as expected_amount,
    count(*) filter (where not is_confirmed and risk > 0) as expected_requests,
    coalesce(list(request_id order by request_id) filter (where not is_confirmed and risk > 0), []) as expected_request_ids
  from paid
  group by all
),

final as (
  select
    as_of,
    merchant_id,
    confirmed_amount::double as confirmed_amount,
    confirmed_requests::integer as confirmed_requests,
    confirmed_request_ids,
    round(expected_amount, 2) as expected_amount,
    expected_requests::integer as expected_requests,
    expected_request_ids,
    (sum(confirmed_amount) over (partition by merchant_id order by as_of))::double as cumulative_confirmed,
    round(sum(expected_amount) over (partition by merchant_id order by as_of), 2) as cumulative_expected,
    $known_as_of::date as known_as_of
  from weekly
  where confirmed_amount > 0 or expected_amount > 0
)

select * from final
