-- Scored buyers of $as_of joined to the generator's truth (temp table eval_truth_buyers), for the quality bar.
with scored as (
  select * from score_buyer_history where as_of = $as_of::date
),

truth as (
  select * from eval_truth_buyers
),

final as (
  select
    s.buyer_id,
    s.risk,
    s.tier,
    coalesce(t.is_abuser, false) as is_abuser,
    coalesce(t.archetype, 'unknown') as archetype
  from scored as s
  left join truth as t on t.buyer_id = s.buyer_id
  order by s.buyer_id
)

select * from final
