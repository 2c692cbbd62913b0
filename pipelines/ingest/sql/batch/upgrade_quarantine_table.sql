-- Columns added to quarantine after a warehouse was first made: the physical line and the row's key.
alter table quarantine add column if not exists line_number BIGINT;
alter table quarantine add column if not exists row_key VARCHAR
