-- Buyers registered before $as_of: accounts that did not exist yet are invisible at the feature date.
with source as (
  -- the rows as known at $as_of: a correction delivered later does not leak in
  select * from known_buyers($as_of::timestamp)
),

final as (
  select
    buyer_id,
    registered_at
  from source
  where registered_at < $as_of::timestamp
)

select * from final
