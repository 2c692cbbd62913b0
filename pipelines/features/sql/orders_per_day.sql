-- Orders placed per day: how many order rows a features pass holds for each date (staging keeps every order before it).
with orders as (
  select created_at from orders
),

final as (
  select created_at::date as day, count(*) as orders
  from orders
  group by created_at::date
)

select * from final
