-- The first and latest order times in the warehouse: weeks after the latest have no data yet (a future week), weeks
-- ending well after it are partial, and a week ending before the first is before the marketplace's data.
with final as (
  select
    strftime(min(created_at), '%Y-%m-%d %H:%M') as data_start,
    strftime(max(created_at), '%Y-%m-%d %H:%M') as data_end
  from orders
)
select * from final
