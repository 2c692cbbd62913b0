-- Orders a new refund request may be about: those placed since $orders_from, with delivery and the first 1–2 star review.
with order_rows as (
  select * from orders where created_at >= $orders_from::timestamp
),

review_rows as (
  select * from reviews
),

low_reviews as (
  select order_id, min(created_at) as first_low_review_at
  from review_rows
  where rating <= 2
  group by order_id
),

final as (
  select
    o.order_id,
    o.buyer_id,
    o.merchant_id,
    o.category,
    o.amount::double as amount,
    epoch_ms(o.created_at)::double as created_ms,
    epoch_ms(o.promised_ship_by)::double as promised_ship_ms,
    epoch_ms(o.delivered_at)::double as delivered_ms,
    epoch_ms(l.first_low_review_at)::double as first_low_review_ms
  from order_rows as o
  left join low_reviews as l on l.order_id = o.order_id
)

select * from final
