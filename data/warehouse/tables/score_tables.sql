-- Output tables of the score stage: the current week (score_*, risk_queue) and history keyed by as_of.
create table if not exists score_buyer_history (
  as_of date not null,
  buyer_id varchar not null,
  risk double not null,            -- calibrated probability of refund-only abuse, 0-1
  tier varchar not null,           -- high | elevated | normal (config tiers.buyerHigh / buyerElevated)
  reasons varchar[] not null,      -- up to four plain-language sentences, strongest first
  refund_only_amount_30d double not null,
  expected_loss double not null,   -- risk x refund-only money a month: greatest(30 days, 90 days / 3)
  group_id varchar,                -- linked-account group (buyer_groups)
  model_date date not null         -- as-of date of the model artifact used
);
create table if not exists score_merchant_history (
  as_of date not null,
  merchant_id varchar not null,
  trust double not null,           -- 100 x (1 - calibrated probability of a serious action in 90 days)
  tier varchar not null,           -- top-rated | standard | watch | at-risk | inactive (no orders in 90 days)
  fulfilment double,               -- component sub-scores, 0-100, higher is better; null in replay-only past weeks (no TreeSHAP)
  product_quality double,
  after_sales double,
  satisfaction double,
  reasons varchar[] not null,
  model_date date not null
);
create table if not exists risk_queue_history (
  as_of date not null,
  rank integer not null,           -- 1 = review first (largest expected loss)
  buyer_id varchar not null,
  risk double not null,
  tier varchar not null,
  expected_loss double not null,
  refund_only_amount_30d double not null,
  reasons varchar[] not null,
  group_id varchar,
  group_size integer not null,
  group_members varchar[] not null,  -- other accounts in the linked group
  group_confirmed_abusers integer not null
);
create table if not exists risk_queue_handled_history (
  as_of date not null,
  rank integer not null,           -- in queue order (largest expected loss first); these take no review capacity
  buyer_id varchar not null,
  risk double not null,
  tier varchar not null,
  expected_loss double not null,
  refund_only_amount_30d double not null,
  reasons varchar[] not null,
  handled_as varchar not null,     -- confirmed_abuse (verdict closed before as_of) | open_investigation (opened before, not closed)
  handled_since varchar not null,  -- when the verdict closed or the case opened (UTC, YYYY-MM-DD HH:MM)
  case_id varchar not null
);
create table if not exists risk_queue_summary_history (
  as_of date not null,
  capacity integer not null,       -- review.capacity
  queued integer not null,         -- accounts in the queue (fewer than capacity in a short week)
  handled integer not null,        -- already handled above the floors, listed apart
  below_risk_floor integer not null,
  below_loss_floor integer not null,
  min_risk double not null,        -- review.minRisk
  min_expected_loss double not null  -- review.minExpectedLoss
);
create table if not exists score_merchant_moves_history (
  as_of date not null,
  merchant_id varchar not null,
  previous_tier varchar not null,  -- tier at the previous score
  tier varchar not null,
  cause varchar not null,          -- model: last week's model would have kept the tier on this week's data; data: it moved either way
  previous_model_date date not null,
  model_date date not null
);
-- warehouses from before sub-scores became nullable (replay-only past weeks compute none)
alter table score_merchant_history alter column fulfilment drop not null;
alter table score_merchant_history alter column product_quality drop not null;
alter table score_merchant_history alter column after_sales drop not null;
alter table score_merchant_history alter column satisfaction drop not null;
