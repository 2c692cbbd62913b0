-- Which optional sources the marketplace has: a table a mapping declares absent, or delivered again later (ingest-only).
create table if not exists source_status (
  table_name VARCHAR PRIMARY KEY,
  absent     BOOLEAN NOT NULL,   -- true: the marketplace has no such data; its features are unknown, never zero
  batch_id   INTEGER NOT NULL    -- the batch that last declared or delivered it
)
