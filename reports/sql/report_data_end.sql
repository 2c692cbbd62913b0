-- The latest order time in the warehouse: weeks after it have no data yet (a future week), weeks ending well after it are partial.
with final as (
  select strftime(max(created_at), '%Y-%m-%d %H:%M') as data_end from orders
)
select * from final
