-- Every buyer score with the date of that buyer's next score, so "the latest score before T" is one range condition.
with source as (
  select * from score_buyer_history
),

final as (
  select
    buyer_id,
    as_of,
    risk,
    tier,
    lead(as_of) over (partition by buyer_id order by as_of) as next_as_of
  from source
)

select * from final
