-- The keys and batches of one table's versions, as text: what a quarantined row's key is matched against.
select {{table_name}} as table_name, cast({{key}} as varchar) as row_key, batch_id
from {{versions}}
