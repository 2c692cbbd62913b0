-- ingest_chain: per row key, the warehouse row (rid null) then the batch's candidate rows in delivery order (the files'
-- load order, $files, then row number), numbered by pos; rows failing a foreign-key check are left out.
create temp table ingest_chain as
with candidates as (
  select f.*, k.__file, k.__row
  from ingest_full f
  join ingest_cand k using (rid)
  anti join ingest_bad b on b.rid = f.rid
),
loaded as (
  select t.* from {{table}} t semi join candidates using ({{key}})
),
chain as (
  select null::BIGINT as rid, 0 as batch_order, null::VARCHAR as __file, null::BIGINT as __row, {{columns}} from loaded c
  union all
  select rid, 1, __file, __row, {{columns}} from candidates c
),
final as (
  select *, row_number() over (partition by {{key}} order by batch_order, list_position($files::VARCHAR[], __file), __row) as pos
  from chain
)
select * from final
