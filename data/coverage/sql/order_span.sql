-- The first and latest order times in the warehouse ("YYYY-MM-DD HH:MM" UTC): weeks after the latest have no data yet,
-- weeks ending well after it are cut short, and a week ending before the first is before the marketplace's data.
select
  strftime(min(created_at), '%Y-%m-%d %H:%M') as data_start,
  strftime(max(created_at), '%Y-%m-%d %H:%M') as data_end
from orders
