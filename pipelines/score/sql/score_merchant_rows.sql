-- This week's score_merchant rows (score_merchant_history columns) from the scorer's build table.
with scored as (
  select * from score_merchant__build
),

final as (
  select
    $as_of::date as as_of,
    merchant_id,
    trust,
    tier,
    fulfilment,
    product_quality,
    after_sales,
    satisfaction,
    reasons,
    $model_date::date as model_date
  from scored
)

select * from final
