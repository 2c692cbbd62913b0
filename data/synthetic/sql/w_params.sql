-- The run's options as a one-row table every generator query cross-joins (values bound, never spliced).
create or replace table w_params as
select
  $seed::BIGINT as seed,
  $n_buyers::BIGINT as n_buyers,
  $n_merchants::BIGINT as n_merchants,
  $start_s::BIGINT as start_s,
  $end_s::BIGINT as end_s,
  ($end_s::BIGINT - $start_s::BIGINT) as span_s
