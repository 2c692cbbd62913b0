-- Drops one of ingest's temp or staging tables once it is used up.
drop table {{table}}
