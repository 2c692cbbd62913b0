-- As csv_rows.sql for a file with unparsable records: a record's data row is its parsed index plus the rejected records
-- before it (the offsets table of csv_reject_offsets.sql).
select $file as __file, (__k + (select count(*) from {{offsets}} o where o.good_before < __k)) as __row, * exclude (__k)
from (
  select (rowid - (select min(rowid) from {{raw}}) + 1) as __k, *
  from {{raw}}
)
