-- A warehouse loaded before versions were kept: its rows become first versions, known from their first batch.
insert into {{versions}}
select t.*, 1, coalesce(b.batch_id, 0), coalesce(cast(b.finished_at as date), date '1970-01-01')
from {{table}} t
left join (select min(batch_id) as batch_id, min(finished_at) as finished_at from load_batches) b on true
