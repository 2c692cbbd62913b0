-- The bootstrap's index (cid, from 0) of each (scenario, category, merchant tier) cell of sim_cells.
with
cells as (select distinct scenario, category, merchant_tier from sim_cells),
final as (
  select row_number() over (order by scenario, category, merchant_tier) - 1 as cid, scenario, category, merchant_tier
  from cells
)
select * from final
