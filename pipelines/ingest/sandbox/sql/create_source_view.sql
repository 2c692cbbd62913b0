-- A named source of the mapping as a view, for validation: each table's query then opens the files the source reads.
create or replace temp view {{name}} as
{{query}}
