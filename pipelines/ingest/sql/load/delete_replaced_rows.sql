-- Removes from the contract table the rows this batch delivers a new version of (insert_newest_rows.sql puts it back).
delete from {{table}} t
using (select distinct {{key}} from ingest_steps where existed and not unchanged) s
where {{key_match}}
