-- Adds to ingest_bad the clean rows whose foreign key has no parent row (warehouse incl. this batch's parents).
insert into ingest_bad
select c.rowid, $column, c.{{column}}, $rule
from ingest_chk c
anti join {{parent}} p on p.{{parent_key}} = c.{{column}}
anti join ingest_bad b on b.rid = c.rowid
where c.__v is null and c.{{column}} is not null
