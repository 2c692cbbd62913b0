-- ingest_steps: the batch rows that passed the conflict check, each compared with the row before it in its chain:
-- unchanged (an identical copy: loaded, not stored again) or a new version, numbered from 1 per row key (seq).
-- existed: the row key was in the warehouse before this batch.
create temp table ingest_steps as
with accepted as (
  select * from ingest_chain c
  where c.rid is null or c.rid not in (select rid from ingest_bad)
),
compared as (
  select
    rid, {{key}}, pos,
    {{content}} is not distinct from lag({{content}}) over (partition by {{key}} order by pos) as unchanged,
    bool_or(rid is null) over (partition by {{key}}) as existed
  from accepted c
),
final as (
  select
    rid, {{key}}, unchanged, existed,
    case when not unchanged then row_number() over (partition by {{key}}, unchanged order by pos) end as seq,
    not unchanged and pos = max(pos) filter (where not unchanged) over (partition by {{key}}) as newest
  from compared
  where rid is not null
)
select * from final
