-- A column added to load_batch_tables after a warehouse was first made: the rows a mapping's query filtered out.
alter table load_batch_tables add column if not exists rows_filtered BIGINT
