-- A contract table typed as its contract; no PRIMARY KEY: ingest enforces keys itself (faster).
create table if not exists {{table}} ({{columns}})
