-- Number of rows of a table.
select count(*)
from {{table}}
