-- Bookkeeping: the batch itself. The times are bound: DuckDB's now() is the transaction's start, before started_at.
insert into load_batches
values ($batch, $source, $mapping, timezone('UTC', $started::TIMESTAMPTZ), timezone('UTC', $finished::TIMESTAMPTZ))
