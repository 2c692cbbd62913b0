-- ingest_cand: rows without column violations whose key is in the warehouse already or twice or more in the batch.
create temp table ingest_cand as
select c.rowid as rid, c.__file, c.__row
from ingest_chk c
where c.__v is null and (
  c.{{pk}} in (select {{pk}} from {{table}})
  or c.{{pk}} in (select {{pk}} from ingest_chk where __v is null group by {{pk}} having count(*) > 1)
)
