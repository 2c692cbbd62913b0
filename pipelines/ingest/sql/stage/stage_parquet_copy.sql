-- Copies a Parquet file that has a column named file_row_number (so DuckDB cannot number its rows) into its raw table,
-- columns c0, c1, … by position; rowids then give the file's row order.
create temp table {{raw}} as
select {{columns}}
from read_parquet($path)
