-- Whether a file an earlier batch loaded had rows quarantined for an unknown parent that the parent table now holds,
-- and that have not loaded since (so a file is read again once for them, not at every delivery after).
select exists (
  select 1
  from quarantine as q
  where q.batch_id = $batch
    and q.table_name = $table
    and q.source_file = $file
    and q.column_name = $column
    and q.rule = $rule
    and q.value in (select cast(p.{{key}} as VARCHAR) from {{parent}} as p)
    and q.row_key not in (select cast(c.{{pk}} as VARCHAR) from {{child}} as c)
) as resolved
