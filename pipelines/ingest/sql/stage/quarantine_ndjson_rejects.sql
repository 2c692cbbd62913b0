-- One quarantine row per NDJSON line that is neither blank nor a JSON object; __row is the 1-based line number.
insert into quarantine (batch_id, table_name, source_file, row_number, line_number, column_name, value, rule)
select $batch, $table, $file, __row, __row, NULL, value, $rule
from (
  select (rowid - (select min(rowid) from {{raw}}) + 1) as __row, line as value
  from {{raw}}
  where trim(line) <> '' and not coalesce(json_type(case when json_valid(line) then line end) = 'OBJECT', false)
)
