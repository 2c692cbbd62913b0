-- This week's merchant tier moves, each with its cause: the retrained model (last week's model kept the tier) or the shop's data.
with moves as (
  select * from score_merchant_moves__build
),

final as (
  select
    $as_of::date as as_of,
    merchant_id,
    previous_tier,
    tier,
    cause,
    previous_model_date::date as previous_model_date,
    $model_date::date as model_date
  from moves
)

select * from final
