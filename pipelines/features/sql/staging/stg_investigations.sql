-- Investigations closed before each feature date: a verdict is known only once the case has closed.
with source as (
  -- the rows as known at each date: a correction delivered later does not leak in
  select * from known_investigations_dated()
),

final as (
  select
    as_of,
    case_id,
    buyer_id,
    request_id,
    opened_at,
    closed_at,
    verdict
  from source
  where closed_at < as_of::timestamp
)

select * from final
