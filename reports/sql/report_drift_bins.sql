-- PSI bins of drift columns of a history table between the $previous and $current weeks ({{table}} allow-listed and
-- quoted; the slots hold one expression per column, named c0, c1, …, built by the caller from quoted identifiers; cut
-- j of column i is bound as $k{i}_{j}, from report_drift_cuts.sql). One row per week and column: how many known values
-- lie below each cut (a filtered count per column and cut costs far more), known values and their sum; missing values
-- (null, NaN, ±inf) are null here. The cuts come bound rather than from a CTE over both weeks: DuckDB materialized
-- that CTE (two weeks of every column) to read it twice.
with
settings as (
  -- Days an aged column's last-week value moves by, to compare it with this week's ages.
  select cast($gap as double) as age_gap
),
weeks as (
  -- Columns of the table are read qualified (t.), so one named like a column of this query stays apart.
  select
    case when t.as_of = cast($current as date) then 'current' else 'previous' end as week,
    {{columns}}
  from {{table}} as t, settings as s
  where t.as_of in (cast($previous as date), cast($current as date))
),
sums as (
  select
    w.week,
    count(*) as week_rows,
    {{sums}}
  from weeks as w
  group by w.week
),
final as (
  select feature, week, week_rows, stats.below as below, stats.known as known, stats.total as total
  from sums unpivot (stats for feature in (columns(* exclude (week, week_rows))))
)
select * from final order by feature, week
