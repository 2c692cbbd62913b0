-- The review queue of the export week (risk_queue_history at $as_of), in review order.
with

queue as (
  select * from risk_queue_history
),

final as (
  select * from queue where as_of = $as_of::date
  order by rank
)

select * from final
