-- Bookkeeping of feat_request_history, one row per stored week: what it was built from (pipelines/features/README.md,
-- "Request weeks kept"), so a run builds only the weeks whose inputs changed.
create table if not exists feat_request_weeks (
  as_of date not null,
  fingerprint varchar not null,  -- sha256 of the request SQL, its stand-ins and look-back (requestFingerprint)
  batch_id integer,              -- newest load batch when built; null: no ingest bookkeeping, never kept
  inputs varchar not null,       -- md5 of the history dates read, each with its newest publish (req_week_inputs.sql)
  request_rows bigint not null   -- rows written for the week
)
