-- The first batch that loaded a file with this fingerprint into this table, and the path it had then.
select batch_id, path
from load_files
where table_name = $table and fingerprint = $fp
order by batch_id
limit 1
