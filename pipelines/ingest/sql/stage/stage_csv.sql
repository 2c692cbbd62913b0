-- Copies a CSV file as text into its raw table; records DuckDB cannot parse go to ingest_rejects instead.
create temp table {{raw}} as
select *
from read_csv(
  $path,
  columns = {{columns}},
  auto_detect = false,
  header = true,
  delim = $delimiter,
  quote = '"',
  escape = '"',
  allow_quoted_nulls = false,
  max_line_size = 16000000,
  store_rejects = true,
  rejects_table = 'ingest_rejects',
  rejects_scan = 'ingest_reject_scans'
)
