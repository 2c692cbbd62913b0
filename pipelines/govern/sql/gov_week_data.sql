-- Whether the week to $as_of holds any delivered data to judge: the newest order time and the orders of the week.
select
  strftime(max(created_at), '%Y-%m-%d %H:%M') as data_end,
  count(*) filter (where created_at >= $as_of::timestamp - interval 7 day and created_at < $as_of::timestamp) as week_orders
from orders
