-- Buyers in the high risk tier at the $as_of score and at the score before it.
with
previous as (
  select max(as_of) as as_of from score_buyer_history where as_of < cast($as_of as date)
),
final as (
  select strftime(s.as_of, '%Y-%m-%d') as as_of, count(*) filter (where s.tier = 'high')::bigint as flagged
  from score_buyer_history as s
  where s.as_of = cast($as_of as date) or s.as_of = (select as_of from previous)
  group by s.as_of
)
select * from final order by as_of
