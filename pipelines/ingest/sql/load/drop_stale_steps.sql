-- Takes the rows mark_stale.sql quarantined out of ingest_steps: the contract table and its versions keep the newer facts.
delete from ingest_steps where rid in (select rid from ingest_bad)
