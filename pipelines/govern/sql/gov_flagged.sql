-- Buyers flagged as abusers at each scorecard date T: abuse confirmed by an investigation closed before T, or a high
-- risk tier at their latest score before T. Their cases are left out of every merchant metric of that week.
with weeks as (
  select * from gov_weeks
),

investigations as (
  select * from investigations
),

scores as (
  select * from gov_buyer_scores
),

confirmed as (
  select w.as_of, i.buyer_id
  from weeks as w
  inner join investigations as i
    on i.verdict = 'confirmed_abuse' and i.closed_at < w.as_of_ts
),

high_risk as (
  select w.as_of, s.buyer_id
  from weeks as w
  inner join scores as s
    on s.tier = 'high' and s.as_of < w.as_of and coalesce(s.next_as_of >= w.as_of, true)
),

final as (
  select as_of, buyer_id from confirmed
  union
  select as_of, buyer_id from high_risk
)

select * from final
