-- Quarantined rows by batch, table, column and reason (rule), for `trustlens quarantine`; a row counts once per reason.
select
  batch_id,
  table_name,
  coalesce(column_name, '') as column_name,
  rule,
  count(distinct (source_file, row_number)) as rows
from quarantine
where ($batch is null or batch_id = $batch) and ($table is null or table_name = $table)
group by all
order by batch_id, table_name, column_name, rule
