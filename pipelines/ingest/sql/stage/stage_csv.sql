-- Copies a CSV file that ingest's own reading found clean (csvFile.ts) as text into its raw table, columns named c0, c1, …
-- by position (so no header name can shadow rowid); DuckDB's rejects are kept only to check that it agrees.
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
