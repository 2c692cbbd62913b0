-- Appends the whole rows of one staged file's key-clash candidates to ingest_full, read again from the file.
insert into ingest_full
select k.rid, {{columns}}
from ({{checked}}) c
join ingest_cand k on k.__file = c.__file and k.__row = c.__row
