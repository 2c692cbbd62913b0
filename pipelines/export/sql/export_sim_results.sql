-- Policy replay results of the year up to the export week, for comparison with the what-if notebook.
with

results as (
  select * from sim_results
),

final as (
  select *
  from results
  where as_of <= $as_of::date and as_of > $as_of::date - interval 365 day
  order by as_of, scenario, segment, metric
)

select * from final
