-- An empty table with a source's columns and types, to bind the mapping's expressions against.
create or replace temp table __trustlens_columns ({{columns}})
