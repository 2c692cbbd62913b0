-- Copies the result of a mapping's query into its raw table, numbered while copied, once: a query result has no order
-- of its own, and the copy is read again later. Not by rowid: a query column named rowid would shadow it. Columns are
-- renamed where they clash with ingest's own (sourceColumnNames.ts). The query slot is the mapping's own SQL (checked
-- to be one SELECT, run only in the mapping sandbox), on lines of its own so a trailing comment cannot swallow the ")".
create temp table {{raw}} as
select row_number() over () as __trustlens_row, {{columns}}
from (
{{query}}
)
