-- Buyer risk scores of the export week (score_buyer_history at $as_of).
with

scores as (
  select * from score_buyer_history
),

final as (
  select * from scores where as_of = $as_of::date
  order by risk desc, buyer_id
)

select * from final
