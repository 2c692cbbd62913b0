-- Quarantines (ingest_bad) the batch rows of row keys a newer delivery already holds: the key's stored versions became
-- known after this delivery's given date ($known_at), so the row it brings is older news and would replace newer facts
-- (a delivered order back to not delivered, a decided request back to pending). An identical copy is skipped as before.
-- drop_stale_steps.sql then takes them out of ingest_steps, so neither the contract table nor the versions change.
insert into ingest_bad
with newest as (
  select {{key}}, max(known_at) as known_at
  from {{versions}}
  semi join (select {{key}} from ingest_steps where existed) s using ({{key}})
  group by all
),
stale as (
  select s.rid, n.known_at
  from ingest_steps s
  join newest n using ({{key}})
  where not s.unchanged and n.known_at > $known_at::date
),
final as (
  select
    s.rid,
    $pk_name as column_name,
    cast(c.{{pk}} as VARCHAR) as value,
    'older than the stored ' || $row_noun || ': a delivery known at ' || strftime(s.known_at, '%Y-%m-%d')
      || ' already holds it and this one is known at ' || strftime($known_at::date, '%Y-%m-%d')
      || ', so it would replace newer facts; if it is a correction newer than that, deliver it again with --as-of '
      || strftime(s.known_at, '%Y-%m-%d') || ' or later' as rule
  from stale as s
  join ingest_chk as c on c.rowid = s.rid
)
select * from final
