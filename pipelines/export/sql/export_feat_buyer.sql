-- Buyer feature mart of the export week (feat_buyer_history at $as_of).
with

feat as (
  select * from feat_buyer_history
),

final as (
  select * from feat where as_of = $as_of::date
  order by buyer_id
)

select * from final
