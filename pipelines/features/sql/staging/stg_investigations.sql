-- Investigations closed before $as_of: a verdict is known only once the case has closed.
with source as (
  select * from investigations
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
