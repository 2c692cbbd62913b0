-- Identical copies of the row before them (ingest_steps.unchanged) count as loaded but are not stored again.
insert into ingest_skip
select rid from ingest_steps where unchanged
