-- Trust labels of the feature snapshot $snapshot: merchants with a serious action in [$snapshot, $snapshot + $horizon_days) and before $as_of.
with actions as (
  -- actions as known on $as_of
  select * from known_merchant_actions($as_of::timestamp)
),

final as (
  select merchant_id
  from actions
  where list_contains($serious_actions::varchar[], action)
    and taken_at >= $snapshot::timestamp
    and taken_at < $snapshot::timestamp + to_days($horizon_days::integer)
    and taken_at < $as_of::timestamp
  group by merchant_id
)

select * from final
