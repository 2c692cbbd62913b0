-- Merchants opened before $as_of.
with source as (
  -- the rows as known at $as_of: a correction delivered later does not leak in
  select * from known_merchants($as_of::timestamp)
),

final as (
  select
    merchant_id,
    main_category,
    opened_at
  from source
  where opened_at < $as_of::timestamp
)

select * from final
