-- Governance actions taken before $as_of.
with source as (
  select * from merchant_actions
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
