-- Appends the versions this batch delivers of clashing row keys, numbered after the versions already kept; a version is
-- never known before the one it follows.
insert into {{versions}}
with steps as (
  select rid, seq, existed from ingest_steps where not unchanged
),
delivered as (
  select f.*, s.seq, s.existed from steps s join ingest_full f using (rid)
),
previous as (
  select {{key}}, max(version) as version, max(known_at) as known_at
  from {{versions}} v
  semi join delivered using ({{key}})
  group by {{key}}
),
final as (
  select
    {{columns}},
    coalesce(p.version, case when r.existed then 1 else 0 end) + r.seq as version,
    $batch as batch_id,
    greatest($known_at::date, p.known_at) as known_at
  from delivered r
  left join previous p using ({{key}})
)
select * from final
