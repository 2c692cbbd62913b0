-- Columns added to the bookkeeping after a warehouse was first made (versions of changed rows).
alter table load_batch_tables add column if not exists rows_updated BIGINT DEFAULT 0;
alter table load_batch_tables add column if not exists known_at DATE
