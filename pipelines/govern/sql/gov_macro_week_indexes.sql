-- gov_week_indexes(ts, first_s, weeks, window_s): indexes of the scorecard weeks whose window [T - window, T) holds ts,
-- where week k ends at first_s + k weeks (epoch seconds). An equality join on the index replaces a slower range join.
create or replace temp macro gov_week_indexes(ts, first_s, weeks, window_s) as range(
  greatest(0, floor((epoch(ts) - first_s) / 604800)::bigint + 1),
  least(weeks, floor((epoch(ts) - first_s + window_s) / 604800)::bigint + 1)
)
