-- Adds to ingest_flags the clean rows whose parent is unknown but which are dated within $days of the parent table's
-- first row: the parent predates the first delivered week, so the row loads, flagged (load_flags), instead of quarantined.
insert into ingest_flags
select c.rowid, $column, c.{{column}}, $flag
from ingest_chk c
anti join {{parent}} p on p.{{parent_key}} = c.{{column}}
where c.__v is null and c.{{column}} is not null
  and c.{{date_column}} < (select min({{parent_date}}) from {{parent}}) + to_days(cast($days as integer))
