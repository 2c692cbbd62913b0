-- A Parquet file copied by stage_parquet_copy.sql, with __file, __row (by rowid, in file order) and __line (none).
select $file as __file, __k as __row, NULL::BIGINT as __line, {{columns}}
from (
  select (rowid - (select min(rowid) from {{raw}}) + 1) as __k, *
  from {{raw}}
)
