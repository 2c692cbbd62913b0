-- Rows loaded with a flag: kept, but something about them is worth knowing (ingest-only).
create table if not exists load_flags (
  batch_id    INTEGER NOT NULL,
  table_name  VARCHAR NOT NULL,
  source_file VARCHAR NOT NULL,
  row_number  BIGINT NOT NULL,   -- 1-based data row, as in quarantine
  column_name VARCHAR,
  value       VARCHAR,
  flag        VARCHAR NOT NULL
)
