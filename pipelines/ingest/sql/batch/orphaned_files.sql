-- The files (as their batch displayed them, with the folder it loaded from) that had rows of a table quarantined for an
-- unknown parent.
select distinct q.batch_id, b.source, q.source_file
from quarantine as q
inner join load_batches as b using (batch_id)
where q.table_name = $table and list_contains($rules::VARCHAR[], q.rule)
