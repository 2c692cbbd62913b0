-- ingest_hits: candidates sharing a key within the batch, except the first-read one, and whether they differ from it.
create temp table ingest_hits as
with clean as (
  select c.*
  from ingest_full c
  anti join ingest_bad b on b.rid = c.rid
  anti join ingest_skip s on s.rid = c.rid
),
keys as (
  select {{pk}} from clean group by {{pk}} having count(*) > 1
),
dup as (
  select clean.* from clean semi join keys using ({{pk}})
),
firsts as (
  select {{pk}}, min(rid) as first_rid from dup group by {{pk}}
),
final as (
  select d.rid, d.{{pk}} as key, not ({{same_content}}) as conflict
  from dup d
  join firsts f using ({{pk}})
  join dup x on x.rid = f.first_rid
  where d.rid <> f.first_rid
)
select * from final
