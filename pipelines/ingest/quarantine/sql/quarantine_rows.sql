-- The quarantined rows of the reasons matching $reason (a part of the rule text, any case), for `trustlens quarantine`.
select batch_id, table_name, source_file, line_number, row_number, row_key, column_name, value, rule
from quarantine
where ($batch is null or batch_id = $batch)
  and ($table is null or table_name = $table)
  and contains(lower(rule), lower($reason))
order by batch_id, table_name, source_file, row_number, column_name
