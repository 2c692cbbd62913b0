-- Governance actions taken before $as_of.
with source as (
  -- the rows as known at $as_of: a correction delivered later does not leak in
  select * from known_merchant_actions($as_of::timestamp)
),

final as (
  select
    action_id,
    merchant_id,
    taken_at,
    action
  from source
  where taken_at < $as_of::timestamp
)

select * from final
