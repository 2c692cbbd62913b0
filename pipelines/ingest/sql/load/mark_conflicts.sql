-- Quarantines (ingest_bad) every batch row that changes an immutable column of its row: one row per changed column,
-- the value naming both the kept and the delivered value. The first version (the warehouse's, else the batch's first)
-- is kept; changes to mutable columns are new versions (version_steps.sql).
insert into ingest_bad
with first_versions as (
  select * from ingest_chain where pos = 1
),
changes as (
  select c.rid, unnest(list_filter([{{changes}}], x -> x is not null)) as d
  from ingest_chain c
  join first_versions b using ({{key}})
  where c.pos > 1
),
final as (
  select rid, d.column_name, d.value, d.rule from changes
)
select * from final
