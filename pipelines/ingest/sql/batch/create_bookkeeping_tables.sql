-- Ingest bookkeeping tables (ingest-only): batches, per-table counts, loaded files and quarantined rows.
create table if not exists load_batches (
  batch_id    INTEGER PRIMARY KEY,
  source      VARCHAR NOT NULL,   -- the --from folder
  mapping     VARCHAR,            -- the --mapping file, if any
  started_at  TIMESTAMP NOT NULL,
  finished_at TIMESTAMP NOT NULL
);
create table if not exists load_batch_tables (
  batch_id         INTEGER NOT NULL,
  table_name       VARCHAR NOT NULL,
  files            INTEGER NOT NULL,
  rows_read        BIGINT NOT NULL,  -- = rows_loaded + rows_quarantined
  rows_loaded      BIGINT NOT NULL,  -- = rows_inserted + rows_updated + rows_duplicate
  rows_quarantined BIGINT NOT NULL,
  rows_inserted    BIGINT NOT NULL,  -- new rows written to the table
  rows_duplicate   BIGINT NOT NULL,  -- unchanged: identical copies of rows already present (not errors)
  rows_updated     BIGINT NOT NULL DEFAULT 0,  -- new versions of rows already present (a mutable column changed)
  known_at         DATE,             -- the date this batch's versions of the table became known
  rows_filtered    BIGINT,           -- rows of a mapping query's files that the query did not return (null: not counted)
  PRIMARY KEY (batch_id, table_name)
);
create table if not exists load_files (
  batch_id    INTEGER NOT NULL,
  table_name  VARCHAR NOT NULL,
  path        VARCHAR NOT NULL,
  fingerprint VARCHAR NOT NULL,     -- sha256 of the file content
  bytes       BIGINT NOT NULL
);
create table if not exists quarantine (
  batch_id    INTEGER NOT NULL,
  table_name  VARCHAR NOT NULL,
  source_file VARCHAR NOT NULL,
  row_number  BIGINT NOT NULL,      -- 1-based data row (Parquet row, CSV record after the header, NDJSON line)
  column_name VARCHAR,              -- null when the whole row is unreadable
  value       VARCHAR,              -- offending value as text
  rule        VARCHAR NOT NULL,
  line_number BIGINT,               -- 1-based physical line in the file (CSV, NDJSON; the header is line 1), when known
  row_key     VARCHAR               -- the row's primary key, when it could be read
);
