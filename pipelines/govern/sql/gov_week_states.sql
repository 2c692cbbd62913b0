-- Each history week as merchant_scorecard holds it: the bookkeeping of the run that computed it (null: never, or by a
-- version without it), the rows it holds now, and the digest of the buyer scores it would read today.
with weeks as (
  select * from gov_history_weeks
),

digests as (
  select * from gov_buyer_score_digests
),

kept as (
  select * from govern_weeks
),

scorecard_rows as (
  select as_of, count(*) as present
  from merchant_scorecard
  where as_of between (select min(as_of) from weeks) and (select max(as_of) from weeks)
  group by as_of
),

final as (
  select
    strftime(w.as_of, '%Y-%m-%d') as as_of,
    k.settings,
    k.batch_id,
    k.buyer_scores as stored_buyer_scores,
    d.buyer_scores,
    k.scorecard_rows,
    coalesce(r.present, 0) as present_rows
  from weeks as w
  inner join digests as d using (as_of)
  left join kept as k using (as_of)
  left join scorecard_rows as r using (as_of)
  order by w.as_of
)

select * from final
