-- Merchants per trust tier at the $as_of score and at the score before it.
with
previous as (
  select max(as_of) as as_of from score_merchant_history where as_of < cast($as_of as date)
),
final as (
  select strftime(s.as_of, '%Y-%m-%d') as as_of, s.tier, count(*)::bigint as merchants
  from score_merchant_history as s
  where s.as_of = cast($as_of as date) or s.as_of = (select as_of from previous)
  group by all
)
select * from final order by as_of, tier
