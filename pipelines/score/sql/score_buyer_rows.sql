-- This week's score_buyer rows (score_buyer_history columns) from the scorer's build table.
with scored as (
  select * from score_buyer__build
),

final as (
  select
    $as_of::date as as_of,
    buyer_id,
    risk,
    tier,
    reasons,
    refund_only_amount_30d,
    expected_loss,
    group_id,
    $model_date::date as model_date
  from scored
)

select * from final
