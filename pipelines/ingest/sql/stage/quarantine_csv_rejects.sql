-- One quarantine row per CSV record DuckDB could not parse: the raw record, and the rule's prefix + DuckDB's reason.
-- DuckDB's reject `line` counts records with the header as 1, so the data row is line - 1.
insert into quarantine
select $batch, $table, $file, __row, NULL, value, $rule_prefix || detail
from (
  select
    line - 1 as __row,
    first(csv_line order by column_idx) as value,
    first(error_message order by column_idx) as detail
  from ingest_rejects
  group by line
)
