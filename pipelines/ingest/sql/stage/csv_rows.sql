-- A staged clean CSV file's records with __file, __row (the 1-based record: rowids inside a transaction start at a large
-- offset but stay in insertion order) and __line (one line per record after a one-line header).
select $file as __file, __k as __row, __k + 1 as __line, {{columns}}
from (
  select (rowid - (select min(rowid) from {{raw}}) + 1) as __k, *
  from {{raw}}
)
