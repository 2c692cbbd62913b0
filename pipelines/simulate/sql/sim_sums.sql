-- Sums per scenario, segment and bootstrap replicate: r = 0 is the data as observed (exact decimal sums), r >= 1 a Poisson bootstrap over buyers.
-- Replicates come summed per (category, merchant tier) cell (sim_replicate_cells, from sumReplicates.ts) and are rolled up here.
with
cells as (select * from sim_cells),
replicate_cells as (select * from sim_replicate_cells),
point as (
  select
    scenario,
    case
      when grouping(category) = 0 then 'category=' || category
      when grouping(merchant_tier) = 0 then 'merchant_tier=' || merchant_tier
      else 'overall'
    end as segment,
    0 as r,
    cast(sum(columns(* exclude (scenario, buyer_id, category, merchant_tier))) as double)
  from cells
  group by grouping sets ((scenario), (scenario, category), (scenario, merchant_tier))
),
replicates as (
  select
    scenario,
    case
      when grouping(category) = 0 then 'category=' || category
      when grouping(merchant_tier) = 0 then 'merchant_tier=' || merchant_tier
      else 'overall'
    end as segment,
    r,
    cast(sum(columns(* exclude (scenario, category, merchant_tier, r))) as double)
  from replicate_cells
  group by grouping sets ((scenario, r), (scenario, category, r), (scenario, merchant_tier, r))
),
final as (
  select * from point
  union all by name
  select * from replicates
)
select * from final
