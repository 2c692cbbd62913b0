-- Quarantined rows by batch, table, column and reason (rule), for `trustlens quarantine`; a row counts once per reason,
-- and as loaded since when a later batch delivered a version of its key (the fixed row); then the total of rows.
with
quarantined as (
  select *
  from quarantine
  where ($batch is null or batch_id = $batch) and ($table is null or table_name = $table)
),
later_versions as ({{later_versions}}),
fixed as (
  select q.batch_id, q.table_name, q.source_file, q.row_number
  from quarantined q
  join later_versions v on v.table_name = q.table_name and v.row_key = q.row_key and v.batch_id > q.batch_id
  group by all
),
-- the grouping set () is the total: each row once, whatever number of reasons it broke (is_total)
final as (
  select
    q.batch_id,
    q.table_name,
    coalesce(q.column_name, '') as column_name,
    q.rule,
    count(distinct (q.batch_id, q.table_name, q.source_file, q.row_number)) as rows,
    count(distinct (f.batch_id, f.table_name, f.source_file, f.row_number)) filter (where f.row_number is not null)
      as loaded_since,
    grouping(q.batch_id) = 1 as is_total
  from quarantined q
  left join fixed f using (batch_id, table_name, source_file, row_number)
  group by grouping sets ((q.batch_id, q.table_name, coalesce(q.column_name, ''), q.rule), ())
)
select * from final
order by is_total, batch_id, table_name, column_name, rule
