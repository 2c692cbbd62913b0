-- Scored merchants of $as_of joined to the generator's truth (temp table eval_truth_merchants), for the quality bar.
with scored as (
  select * from score_merchant_history where as_of = $as_of::date
),

truth as (
  select * from eval_truth_merchants
),

final as (
  select
    s.merchant_id,
    s.trust,
    s.tier,
    coalesce(t.is_problem, false) as is_problem,
    coalesce(t.archetype, 'unknown') as archetype
  from scored as s
  left join truth as t on t.merchant_id = s.merchant_id
  order by s.merchant_id
)

select * from final
