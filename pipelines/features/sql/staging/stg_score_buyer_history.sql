-- Each buyer's most recent risk tier scored before each feature date (the scoring stage's history; absent before the
-- first scoring run).
with source as (
  select * from score_buyer_history
),

dates as (
  select * from feature_dates
),

final as (
  select
    d.as_of,
    s.buyer_id,
    arg_max(s.tier, s.as_of) as tier,
    max(s.as_of) as scored_as_of
  from source as s
  inner join dates as d on s.as_of < d.as_of
  group by d.as_of, s.buyer_id
)

select * from final
