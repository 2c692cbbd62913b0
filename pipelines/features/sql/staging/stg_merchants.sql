-- Merchants opened before $as_of.
with source as (
  select * from merchants
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
