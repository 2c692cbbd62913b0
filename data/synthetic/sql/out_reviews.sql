-- Contract table reviews from the generator's work tables (already in id order, so no sort here).
with reviews as (
  select * from w_reviews
),
final as (
  select
    printf('v%09d', v) as review_id,
    printf('o%09d', o) as order_id,
    rating::TINYINT as rating,
    described::TINYINT as described,
    service::TINYINT as service,
    logistics::TINYINT as logistics,
    text,
    tl_ts(created_s) as created_at
  from reviews
)
select * from final
