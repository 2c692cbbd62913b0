-- Copies the result of a mapping's SQL source into its raw table, numbered while copied, once: a query result has no
-- order of its own, and the copy is read again later. Not by rowid: a query column named rowid would shadow it.
-- The slot is the mapping file's own SQL (SQL by design, as the mapping's expressions are), spliced as written.
create temp table {{raw}} as
select row_number() over () as __trustlens_row, *
from ({{mapping_sql}})
