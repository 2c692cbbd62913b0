-- ingest_chk: per staged row only what the checks need (file, row number, key columns, violations, newest event time).
-- Materialising whole rows in a temp table and reading them back costs more than reading the source twice.
create temp table ingest_chk (
  __file VARCHAR,
  __row BIGINT,
  __line BIGINT,
  {{key_columns}},
  __v STRUCT(column_name VARCHAR, value VARCHAR, rule VARCHAR)[],
  __newest TIMESTAMP
)
