-- Buyers whose refund requests are counted apart from merchant quality at each date: abuse confirmed before it, or last
-- scored high risk.
with investigations as (
  select * from stg_investigations
),

scores as (
  select * from stg_score_buyer_history
),

confirmed as (
  select as_of, buyer_id
  from investigations
  where verdict = 'confirmed_abuse'
  group by as_of, buyer_id
),

high_risk as (
  select as_of, buyer_id
  from scores
  where tier = 'high'
),

final as (
  select
    as_of,
    buyer_id,
    c.buyer_id is not null as is_confirmed,
    h.buyer_id is not null as is_high_risk
  from confirmed as c
  full outer join high_risk as h using (as_of, buyer_id)
)

select * from final
