-- Tables stages build before swapping them in (`<table>__build`, `<table>__new`): any left at the start of a command
-- were left by a killed one (the run lock keeps writers apart).
select table_name
from information_schema.tables
where table_schema = 'main' and table_type = 'BASE TABLE' and (table_name like '%\_\_build' escape '\' or table_name like '%\_\_new' escape '\')
order by table_name
