-- Buyers registered before $as_of: accounts that did not exist yet are invisible at the feature date.
with source as (
  select * from buyers
),

final as (
  select
    buyer_id,
    registered_at
  from source
  where registered_at < $as_of::timestamp
)

select * from final
