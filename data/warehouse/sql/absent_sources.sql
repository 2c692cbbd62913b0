-- Contract tables the marketplace declared absent (its mapping's `absent:` list) and has not delivered since.
select table_name
from source_status
where absent
order by table_name
