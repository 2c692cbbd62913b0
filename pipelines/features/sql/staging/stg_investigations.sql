-- Investigations closed before $as_of: a verdict is known only once the case has closed.
with source as (
  -- the rows as known at $as_of: a correction delivered later does not leak in
  select * from known_investigations($as_of::timestamp)
),

final as (
  select
    case_id,
    buyer_id,
    request_id,
    opened_at,
    closed_at,
    verdict
  from source
  where closed_at < $as_of::timestamp
)

select * from final
