-- The weekly scorecard dates: $weeks weekly as-of dates ending at $as_of, each judging the $window_days days before it.
with steps as (
  select range as k from range($weeks)
),

dated as (
  select
    k as week_index,
    $as_of::date - 7 * ($weeks - 1 - k)::integer as as_of
  from steps
),

final as (
  select
    week_index,
    as_of,
    as_of::timestamp as as_of_ts,
    as_of::timestamp - to_days($window_days::integer) as window_start_ts,
    as_of::timestamp - interval 7 day as week_start_ts,
    -- the same for every row; gov_week_indexes reads them
    epoch(min(as_of::timestamp) over ()) as first_s,
    $weeks::bigint as weeks,
    86400 * $window_days::bigint as window_s
  from dated
)

select * from final
