-- Merchant feature mart of the export week (feat_merchant_history at $as_of).
with

feat as (
  select * from feat_merchant_history
),

final as (
  select * from feat where as_of = $as_of::date
  order by merchant_id
)

select * from final
