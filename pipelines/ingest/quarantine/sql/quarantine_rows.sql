-- The quarantined rows of the reasons matching $reason (a part of the rule text, any case), for `trustlens quarantine`,
-- with the first later batch that delivered a version of the row's key (the fixed row), if any.
with
quarantined as (
  select *
  from quarantine
  where ($batch is null or batch_id = $batch)
    and ($table is null or table_name = $table)
    and contains(lower(rule), lower($reason))
),
later_versions as ({{later_versions}}),
final as (
  select
    q.batch_id, q.table_name, q.source_file, q.line_number, q.row_number, q.row_key, q.column_name, q.value, q.rule,
    min(v.batch_id) as loaded_in
  from quarantined q
  left join later_versions v on v.table_name = q.table_name and v.row_key = q.row_key and v.batch_id > q.batch_id
  group by all
)
select * from final
order by batch_id, table_name, source_file, row_number, column_name
