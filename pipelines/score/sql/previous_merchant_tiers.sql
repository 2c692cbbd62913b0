-- Each merchant's tier and model at the latest score before $as_of (what sticky tiers and tier-move causes compare with).
with history as (
  select * from score_merchant_history where as_of < $as_of::date
),

latest as (
  select max(as_of) as as_of from history
),

final as (
  select h.merchant_id, h.tier, strftime(h.model_date, '%Y-%m-%d') as model_date, strftime(h.as_of, '%Y-%m-%d') as as_of
  from history as h
  inner join latest as l on l.as_of = h.as_of
)

select * from final
