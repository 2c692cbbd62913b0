-- Output table of the simulate stage: one row per scenario, week, segment and metric, with a 95% bootstrap interval.
create table if not exists sim_results (
  scenario varchar not null,       -- policy name, e.g. status-quo, risk-gated
  as_of date not null,
  segment varchar not null,        -- overall | category=<c> | merchant_tier=<t>
  metric varchar not null,         -- e.g. abusive_amount_stopped_expected, honest_burdened_rate (see simulate docs)
  value double not null,
  lo double,                       -- 95% bootstrap interval over buyers; null where not applicable
  hi double
);
