-- Per history week, a digest of the buyer scores dated before it: all gov_flagged reads of them (a score on or after
-- the week cannot change who was high at the latest score before it), so rescoring any earlier date changes the digest.
with weeks as (
  select * from gov_history_weeks
),

scores as (
  select * from gov_buyer_scores
),

-- one pass over the scores; the weeks then add up the dates before them
by_date as (
  select as_of, count(*) as scores, sum(hash(buyer_id, as_of, tier = 'high')) as hashed
  from scores
  group by as_of
),

final as (
  select
    w.as_of,
    coalesce(sum(d.scores), 0)::varchar || ':' || coalesce(sum(d.hashed), 0)::varchar as buyer_scores
  from weeks as w
  left join by_date as d on d.as_of < w.as_of
  group by w.as_of
)

select * from final
