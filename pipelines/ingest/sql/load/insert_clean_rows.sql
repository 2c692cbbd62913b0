-- Inserts one staged file's clean rows straight from its source, when no row of the table is excluded.
insert into {{table}}
select {{columns}}
from ({{checked}}) c
where c.__v is null
