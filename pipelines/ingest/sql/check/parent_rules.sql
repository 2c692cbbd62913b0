-- Adds to ingest_bad the clean rows whose column breaks a rule against their parent row's ({{op}} is '<=' or '>=' from
-- the contract), the value shown with the parent's: "5000.00 (order o1: 10.00)".
insert into ingest_bad
select
  c.rowid,
  $column,
  cast(c.{{column}} as VARCHAR) || ' (' || $label || ' ' || cast(p.{{parent_key}} as VARCHAR) || ': '
    || cast(p.{{parent_column}} as VARCHAR) || ')',
  $rule
from ingest_chk c
inner join {{parent}} p on p.{{parent_key}} = c.{{fk}}
where c.__v is null and c.{{column}} is not null and p.{{parent_column}} is not null
  and not (c.{{column}} {{op}} p.{{parent_column}})
