-- What the abuse-risk labels can draw on as known on $as_of: investigations closed before it, and those confirming abuse.
with cases as (
  select * from known_investigations($as_of::timestamp)
),

final as (
  select
    count(*) as events,
    count(*) filter (where verdict = 'confirmed_abuse') as positives
  from cases
  where closed_at < $as_of::timestamp
)

select * from final
