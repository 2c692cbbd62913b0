-- Merchant trust scores of the export week (score_merchant_history at $as_of).
with

scores as (
  select * from score_merchant_history
),

final as (
  select * from scores where as_of = $as_of::date
  order by trust, merchant_id
)

select * from final
