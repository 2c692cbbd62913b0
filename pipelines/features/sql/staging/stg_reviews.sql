-- Reviews left before each feature date; the free text is not a feature and stays behind.
with source as (
  -- the rows as known at each date: a correction delivered later does not leak in
  select * from known_reviews_dated()
),

final as (
  select
    as_of,
    review_id,
    order_id,
    rating::integer as rating,
    described::integer as described,
    service::integer as service,
    logistics::integer as logistics,
    created_at
  from source
  where created_at < as_of::timestamp
)

select * from final
