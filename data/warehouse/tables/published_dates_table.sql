-- Every publish of dated history rows (publishDated): which dates of which history tables it wrote, under a generation
-- that grows with every publish. Append-only, so a number is never given out twice; a date's newest generation tells
-- a result built from it whether it was published again since.
create table if not exists published_dates (
  history varchar not null,   -- the history table, e.g. feat_buyer_history
  as_of date not null,
  generation bigint not null  -- 1 for the first publish, then one more each time
)
