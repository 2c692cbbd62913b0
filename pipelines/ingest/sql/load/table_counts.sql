-- Ingest-only: rows staged, rows quarantined (a row with several violations counts once) and identical copies skipped.
with staged as (
  select count(*) as n from ingest_chk
),
bad_columns as (
  select count(*) as n from ingest_chk where __v is not null
),
bad_keys as (
  select count(distinct rid) as n from ingest_bad
),
skipped as (
  select count(*) as n from ingest_skip
),
final as (
  select staged.n as staged, bad_columns.n + bad_keys.n as bad, skipped.n as skipped
  from staged, bad_columns, bad_keys, skipped
)
select * from final
