-- The failed standards of every history week, the penalty ladder's input, in a stable order: the weeks computed this
-- run from gov_scorecard, the weeks before them as merchant_scorecard holds them (valid rows: planScorecards.ts).
with history_weeks as (
  select * from gov_history_weeks
),

computed_weeks as (
  select * from gov_weeks
),

computed as (
  select as_of, merchant_id, standard, value, cases, failed, limit_value, category_median, points
  from gov_scorecard
  where verdict = 'fail'
),

stored as (
  select s.as_of, s.merchant_id, s.standard, s.value, s.cases, s.failed_cases as failed, s.limit_value,
    s.category_median, s.points
  from merchant_scorecard as s
  semi join history_weeks as w using (as_of)
  where s.verdict = 'fail'
    and s.as_of >= (select min(as_of) from history_weeks)
    and s.as_of < (select min(as_of) from computed_weeks)
),

failures as (
  select * from stored
  union all
  select * from computed
),

final as (
  select
    strftime(as_of, '%Y-%m-%d') as as_of,
    merchant_id,
    standard,
    value,
    cases,
    failed,
    limit_value,
    category_median,
    points
  from failures
  order by merchant_id, as_of, standard
)

select * from final
