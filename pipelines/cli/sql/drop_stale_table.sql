-- Drops a build table a killed command left.
drop table if exists {{table}}
