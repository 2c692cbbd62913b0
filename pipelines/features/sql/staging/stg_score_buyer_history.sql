-- Each buyer's most recent risk tier scored before $as_of (the scoring stage's history; absent before the first scoring run).
with source as (
  select * from score_buyer_history
),

final as (
  select
    buyer_id,
    arg_max(tier, as_of) as tier,
    max(as_of) as scored_as_of
  from source
  where as_of < $as_of::date
  group by buyer_id
)

select * from final
