-- The $n merchants whose trust fell most and the $n that rose most between the previous score and the $as_of score.
-- Inactive merchants (no orders in the trust window, either week) are no movers: their trust moves with no sales behind it.
with
previous as (
  select max(as_of) as as_of from score_merchant_history where as_of < cast($as_of as date)
),
now_scores as (
  select * from score_merchant_history where as_of = cast($as_of as date)
),
before_scores as (
  select * from score_merchant_history where as_of = (select as_of from previous)
),
joined as (
  select
    n.merchant_id,
    coalesce(m.name, n.merchant_id) as name,
    coalesce(m.main_category, 'unknown') as category,
    b.trust as trust_before,
    n.trust as trust_now,
    b.tier as tier_before,
    n.tier as tier_now,
    n.reasons,
    n.trust - b.trust as change,
    strftime(b.as_of, '%Y-%m-%d') as previous_as_of
  from now_scores as n
  join before_scores as b on b.merchant_id = n.merchant_id
    and n.tier <> 'inactive' and b.tier <> 'inactive'
  left join merchants as m on m.merchant_id = n.merchant_id
),
ranked as (
  select
    *,
    row_number() over (order by change asc, merchant_id) as fall_rank,
    row_number() over (order by change desc, merchant_id) as rise_rank
  from joined
),
final as (
  select * from ranked where (fall_rank <= $n and change < 0) or (rise_rank <= $n and change > 0)
)
select * from final order by change asc, merchant_id
