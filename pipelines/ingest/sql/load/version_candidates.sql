-- ingest_cand: rows without column violations whose row key is in the warehouse already or twice or more in the batch:
-- each is either a repeat, a new version of that row, or a conflict. Every other clean row is a new row.
create temp table ingest_cand as
with clean as (
  select rowid as rid, __file, __row, {{key}}
  from ingest_chk
  where __v is null
),
repeated as (
  select {{key}} from clean group by {{key}} having count(*) > 1
),
final as (
  select rid, __file, __row from clean semi join {{table}} t using ({{key}})
  union
  select rid, __file, __row from clean semi join repeated using ({{key}})
)
select * from final
