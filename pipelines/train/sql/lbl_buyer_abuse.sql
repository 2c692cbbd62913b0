-- Abuse labels of the feature snapshot $snapshot, as known on $as_of: confirmed cases closed before $as_of, opened within $horizon_days of the snapshot.
with cases as (
  -- verdicts as known on $as_of: a verdict delivered or reversed later does not label earlier training
  select * from known_investigations($as_of::timestamp)
),

final as (
  select buyer_id
  from cases
  where verdict = 'confirmed_abuse'
    and closed_at < $as_of::timestamp
    -- a case opened long after the snapshot is about later behaviour, which the snapshot's features cannot see
    and opened_at < $snapshot::timestamp + to_days($horizon_days::integer)
  group by buyer_id
)

select * from final
