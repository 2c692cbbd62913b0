-- The merchants a spot check can pick at $as_of: every merchant with a case on this week's scorecard (an order in the
-- window at least), with its latest trust and the standards it failed this week, ordered by id for a stable draw.
with scorecard as (
  select * from gov_scorecard
),

trust as (
  select * from gov_merchant_trust
),

this_week as (
  select
    merchant_id,
    count(*) filter (where verdict = 'fail') as standards_failed,
    coalesce(list(standard order by standard) filter (where verdict = 'fail'), []) as failed_standards
  from scorecard
  where as_of = $as_of::date
  group by merchant_id
),

final as (
  select
    w.merchant_id,
    t.trust,
    w.standards_failed::integer as standards_failed,
    w.failed_standards
  from this_week as w
  left join trust as t using (merchant_id)
  order by w.merchant_id
)

select * from final
