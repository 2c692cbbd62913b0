-- Output tables of the govern stage, all history keyed by as_of (a scorecard week ends just before as_of).
create table if not exists merchant_scorecard (
  as_of date not null,
  merchant_id varchar not null,
  main_category varchar not null,
  area varchar not null,             -- response | resolution | attitude | disputes | returns | fresh food | electronics | fulfilment | product
  standard varchar not null,         -- e.g. ticket_response_late (pipelines/govern/standards.ts)
  value double not null,             -- the merchant's value over the window: hours (medians) or a share 0-1
  cases integer not null,            -- cases behind the value
  failed_cases integer,              -- cases that failed (shares), or over the limit (medians)
  direction varchar not null,        -- max: value must stay at or below limit_value; min: at or above
  limit_value double not null,
  min_cases integer not null,
  category_median double,            -- median value of merchants of the same main category with a verdict that week
  verdict varchar not null,          -- pass | fail | within_chance | too_few_cases
  points double not null             -- ladder points a failure costs
);
create table if not exists merchant_actions_recommended (
  as_of date not null,
  merchant_id varchar not null,
  level integer not null,            -- 0 none .. 6 closure
  action varchar not null,           -- none | warning | rectification | demotion | point_deduction | suspension | closure
  previous_action varchar not null,  -- last week's recommendation
  target_action varchar not null,    -- what the active points support before the weekly step limit
  change varchar not null,           -- escalated | de-escalated | unchanged
  points_week double not null,       -- points earned this week (repeats multiplied)
  points_active double not null,     -- points not yet expired
  violation_count integer not null,
  violations varchar[] not null,     -- every violation behind the active points, newest first, in plain words with numbers
  deadline date                      -- rectification: fix by this date
);
create table if not exists merchant_spot_checks (
  as_of date not null,
  merchant_id varchar not null,
  stratum varchar not null,          -- risk (drawn proportional to risk) | random (uniform over the rest)
  inclusion_probability double not null,
  risk double not null,              -- the size measure: (100 - trust) / 100 + 0.25 per standard failed this week
  trust double,
  standards_failed integer not null,
  failed_standards varchar[] not null,
  population integer not null,       -- merchants the week's draw chose from
  risk_draws integer not null,
  random_draws integer not null
);
create table if not exists merchant_compensation (
  as_of date not null,
  merchant_id varchar not null,
  confirmed_amount double not null,  -- refund-only money paid in the week for goods kept, to buyers with a confirmed-abuse verdict
  confirmed_requests integer not null,
  confirmed_request_ids varchar[] not null,
  expected_amount double not null,   -- the same for other buyers, weighted by their abuse risk
  expected_requests integer not null,
  expected_request_ids varchar[] not null,
  cumulative_confirmed double not null,  -- running totals over the weeks of the run's history
  cumulative_expected double not null,
  known_as_of date not null          -- the run date whose verdicts and risks classify the money
);
-- Bookkeeping of the history weeks the govern tables hold, so a weekly run computes only the scorecard weeks that lack
-- valid stored rows and keeps the recommendations each week's run published (pipelines/govern/README.md,
-- "Incremental"). A row: the week's scorecard and recommendations are published. Created when missing: the weeks of a
-- warehouse from before it are computed and published again once.
create table if not exists govern_weeks (
  as_of date not null,
  settings varchar not null,         -- fingerprint of what shapes a week's scorecard: govern settings and scorecard SQL
  batch_id integer,                  -- newest load batch when its scorecard was computed (null: no ingest bookkeeping)
  buyer_scores varchar not null,     -- digest of the buyer scores dated before as_of (the week's flagged buyers)
  scorecard_rows bigint not null     -- rows the week has in merchant_scorecard (fewer later: rows were removed)
);
