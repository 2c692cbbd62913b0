-- ingest_hits: candidates whose key is already in the warehouse, and whether their content differs (conflict) or not.
create temp table ingest_hits as
select c.rid, c.{{pk}} as key, not ({{same_content}}) as conflict
from ingest_full c
join {{table}} t on t.{{pk}} = c.{{pk}}
anti join ingest_bad b on b.rid = c.rid
