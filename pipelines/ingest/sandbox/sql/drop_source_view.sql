-- Drops a named source's view before its table replaces it.
drop view if exists {{name}}
