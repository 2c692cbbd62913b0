-- The failed standards of every scorecard week, the penalty ladder's input, in a stable order.
with scorecard as (
  select * from gov_scorecard
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
  from scorecard
  where verdict = 'fail'
  order by merchant_id, as_of, standard
)

select * from final
