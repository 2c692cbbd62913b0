-- Governance actions taken before each feature date.
with source as (
  -- the rows as known at each date: a correction delivered later does not leak in
  select * from known_merchant_actions_dated()
),

final as (
  select
    as_of,
    action_id,
    merchant_id,
    taken_at,
    action
  from source
  where taken_at < as_of::timestamp
)

select * from final
