-- Drops one of ingest's temp or staging tables, if a step before left it.
drop table if exists {{table}}
