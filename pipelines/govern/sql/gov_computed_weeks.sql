-- The bookkeeping of the scorecard weeks computed this run (govern_weeks): the settings fingerprint and the
-- load batch they were computed at, the digest of the buyer scores they read, and how many rows each has.
with weeks as (
  select * from gov_weeks
),

digests as (
  select * from gov_buyer_score_digests
),

scorecard as (
  select * from gov_scorecard
),

counts as (
  select as_of, count(*) as scorecard_rows
  from scorecard
  group by as_of
),

final as (
  select
    w.as_of,
    $settings::varchar as settings,
    $batch_id::integer as batch_id,
    d.buyer_scores,
    coalesce(c.scorecard_rows, 0)::bigint as scorecard_rows
  from weeks as w
  inner join digests as d using (as_of)
  left join counts as c using (as_of)
  order by w.as_of
)

select * from final
