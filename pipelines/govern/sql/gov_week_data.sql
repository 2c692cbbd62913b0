-- Where the delivered orders start and end: a week before the first order has nothing to judge and nothing missing,
-- one after the last has its files missing.
select
  strftime(min(created_at), '%Y-%m-%d %H:%M') as data_start,
  strftime(max(created_at), '%Y-%m-%d %H:%M') as data_end
from orders
