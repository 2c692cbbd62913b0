-- This week's queue summary row: capacity, accounts queued, handled apart and kept out by each floor.
with final as (
  select
    $as_of::date as as_of,
    $capacity::integer as capacity,
    $queued::integer as queued,
    $handled::integer as handled,
    $below_risk_floor::integer as below_risk_floor,
    $below_loss_floor::integer as below_loss_floor,
    $min_risk::double as min_risk,
    $min_expected_loss::double as min_expected_loss
)

select * from final
