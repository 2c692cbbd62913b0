-- Copies an NDJSON file as one text line per row into its raw table: no quoting, a delimiter JSON text cannot hold raw
-- (so a line is one field), CR stripped.
create temp table {{raw}} as
select rtrim(line, chr(13)) as line
from read_csv(
  $path,
  columns = {'line': 'VARCHAR'},
  auto_detect = false,
  header = false,
  delim = $delimiter,
  quote = '',
  escape = '',
  new_line = '\n',
  strict_mode = false,
  max_line_size = 16000000
)
