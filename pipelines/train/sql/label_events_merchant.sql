-- What the merchant-trust labels can draw on as known on $as_of: governance actions taken before it, and the serious ones.
with actions as (
  select * from known_merchant_actions($as_of::timestamp)
),

final as (
  select
    count(*) as events,
    count(*) filter (where list_contains($serious_actions::varchar[], action)) as positives
  from actions
  where taken_at < $as_of::timestamp
)

select * from final
