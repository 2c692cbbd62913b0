-- PSI bins of drift columns of a history table between the $previous and $current weeks ({{table}} allow-listed and
-- quoted; the slots hold one expression per column, named c0, c1, … (cut j of column i: k{i}_{j}), built by the
-- caller from quoted identifiers; cuts a column lacks are +inf), as reports/psi.ts bins them: 10 quantile bins of
-- last week's known values, cut i at the value at 0-based position floor(i * n / 10) (quantile_disc at i / 10 + 1e-10
-- picks exactly that position for n < 10^9; at i / 10 it would pick the one before when i * n / 10 is whole),
-- duplicates dropped, and a bin for missing values (null, NaN, ±inf; null here). One row per week and column: its
-- cuts, how many known values lie below each cut (a filtered count per column and cut costs far more), known values
-- and their sum.
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
cut_lists as (
  select
    {{cut_lists}}
  from weeks
  where week = 'previous'
),
cuts as (
  select
    {{cuts}}
  from cut_lists
),
sums as (
  select
    w.week,
    count(*) as week_rows,
    {{sums}}
  from weeks as w, cuts as k
  group by w.week
),
sums_long as (
  select * from sums unpivot (stats for feature in (columns(* exclude (week, week_rows))))
),
cuts_long as (
  select * from cut_lists unpivot include nulls (cut_list for feature in (columns(*)))
),
final as (
  select
    s.feature,
    s.week,
    s.week_rows,
    coalesce(k.cut_list, []) as cuts,
    s.stats.below as below,
    s.stats.known as known,
    s.stats.total as total
  from sums_long as s
  join cuts_long as k on k.feature = s.feature
)
select * from final order by feature, week
