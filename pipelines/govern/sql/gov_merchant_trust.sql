-- Each merchant's latest trust scored on or before $as_of (the score stage's history).
with source as (
  select * from score_merchant_history
),

final as (
  select
    merchant_id,
    arg_max(trust, as_of) as trust
  from source
  where as_of <= $as_of::date
  group by merchant_id
)

select * from final
