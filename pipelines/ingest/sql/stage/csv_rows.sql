-- A staged CSV file's records with __file and __row, the 1-based record number (rowids inside a transaction start at a
-- large offset but stay in insertion order).
select $file as __file, __k as __row, * exclude (__k)
from (
  select (rowid - (select min(rowid) from {{raw}}) + 1) as __k, *
  from {{raw}}
)
