-- Simulation results the simulate stage wrote for $as_of.
with final as (
  select scenario, segment, metric, value, lo, hi
  from sim_results
  where as_of = cast($as_of as date)
)
select * from final order by scenario, segment, metric
