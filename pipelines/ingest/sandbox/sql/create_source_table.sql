-- A named source of the mapping read once, for every table that uses it.
create temp table {{name}} as
{{query}}
