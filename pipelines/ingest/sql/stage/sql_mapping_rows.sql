-- A mapping's SQL source result (stage_sql_mapping.sql) with __file and __row.
select $file as __file, __trustlens_row as __row, * exclude (__trustlens_row)
from {{raw}}
