-- The sandbox's own quarantine: lines its readers cannot parse land here, and go to the warehouse as Parquet.
create table quarantine (
  batch_id    INTEGER,
  table_name  VARCHAR,
  source_file VARCHAR,
  row_number  BIGINT,
  column_name VARCHAR,
  value       VARCHAR,
  rule        VARCHAR,
  line_number BIGINT,
  row_key     VARCHAR
)
