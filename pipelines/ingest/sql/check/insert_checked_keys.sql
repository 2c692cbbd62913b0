-- Appends the check columns of one staged file (the slot checked = check_columns.sql over it) to ingest_chk.
insert into ingest_chk
select __file, __row, {{key_columns}}, __v
from ({{checked}})
