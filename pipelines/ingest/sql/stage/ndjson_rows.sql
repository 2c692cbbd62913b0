-- A staged NDJSON file's JSON-object lines as the contract columns (text), with __file, __row and __line (both the
-- line number).
select __file, __row, __row as __line, {{columns}}
from (
  select
    $file as __file,
    (rowid - (select min(rowid) from {{raw}}) + 1) as __row,
    json_extract_string(line, [{{paths}}]) as v
  from {{raw}}
  where trim(line) <> '' and coalesce(json_type(case when json_valid(line) then line end) = 'OBJECT', false)
)
