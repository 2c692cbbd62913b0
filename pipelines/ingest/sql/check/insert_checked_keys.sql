-- Appends the check columns of one staged file (the slot checked = check_columns.sql over it) to ingest_chk; newest is
-- the row's latest event timestamp, which dates the delivery when no known-at date is given.
insert into ingest_chk
select __file, __row, __line, {{key_columns}}, __v, {{newest}}
from ({{checked}})
