-- The penalty ladder against the generator's truth: per merchant, whether it was ever recommended suspension or
-- closure in the ladder's weeks [$first_week, $as_of], and, for problem merchants turning bad within them, the highest
-- level reached within 4 weeks of turning bad (problem_since) and the orders it took in those 4 weeks.
with recs as (
  select * from merchant_actions_recommended
  where as_of between $first_week::date and $as_of::date
),

truth as (
  select * from eval_truth_ladder
),

orders as (
  select * from orders
),

severe as (
  select merchant_id, min(as_of) as first_severe, bool_or(as_of = $as_of::date) as severe_now
  from recs
  where action in ('suspension', 'closure')
  group by merchant_id
),

-- turning bad in the first ladder week or later, and at least 4 weeks before the date, so the 4 weeks are all observed
turned as (
  select merchant_id, archetype, problem_since
  from truth
  where is_problem
    and problem_since >= $first_week::timestamp - interval 7 day
    and problem_since + interval 28 day <= $as_of::timestamp
),

reached as (
  select
    t.merchant_id,
    coalesce(max(r.level), 0) as level_within_4_weeks
  from turned as t
  left join recs as r
    on r.merchant_id = t.merchant_id
    and r.as_of::timestamp > t.problem_since
    and r.as_of::timestamp <= t.problem_since + interval 28 day
  group by t.merchant_id
),

activity as (
  select t.merchant_id, count(o.order_id) as orders_4_weeks
  from turned as t
  left join orders as o
    on o.merchant_id = t.merchant_id
    and o.created_at >= t.problem_since
    and o.created_at < t.problem_since + interval 28 day
  group by t.merchant_id
),

final as (
  select
    tr.merchant_id,
    tr.archetype,
    coalesce(tr.is_problem, false) as is_problem,
    s.first_severe is not null as severe,
    coalesce(s.severe_now, false) as severe_now,
    t.merchant_id is not null as turned_bad,
    r.level_within_4_weeks,
    a.orders_4_weeks
  from truth as tr
  left join severe as s using (merchant_id)
  left join turned as t using (merchant_id)
  left join reached as r using (merchant_id)
  left join activity as a using (merchant_id)
  order by tr.merchant_id
)

select * from final
