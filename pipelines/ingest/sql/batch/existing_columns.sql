-- Every column of the warehouse's tables, to add contract columns older warehouses lack.
select table_name as t, column_name as c
from information_schema.columns
where table_schema = current_schema()
