-- A mapping's SQL source result (stage_sql_mapping.sql) with __file, __row and __line (no line: a query result).
select $file as __file, __trustlens_row as __row, NULL::BIGINT as __line, * exclude (__trustlens_row)
from {{raw}}
