-- The first order of the warehouse: where its history starts (null when it holds no order).
select strftime(min(created_at), '%Y-%m-%d') as first_order
from orders
