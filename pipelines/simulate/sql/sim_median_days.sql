-- Median days from request to refund for honest buyers who were refunded, per scenario and segment (no interval: medians are not summed over buyers).
with
outcomes as (select * from sim_outcomes where not abusive and honest_refunded and days_to_refund is not null),
final as (
  select
    scenario,
    case
      when grouping(category) = 0 then 'category=' || category
      when grouping(merchant_tier) = 0 then 'merchant_tier=' || merchant_tier
      else 'overall'
    end as segment,
    'median_days_to_refund_honest' as metric,
    median(days_to_refund) as value,
    cast(null as double) as lo,
    cast(null as double) as hi
  from (select * replace (coalesce(merchant_tier, 'unscored') as merchant_tier) from outcomes)
  group by grouping sets ((scenario), (scenario, category), (scenario, merchant_tier))
)
select * from final
