-- Last week's PSI cuts of drift columns of a history table ({{table}} allow-listed and quoted; the slots hold one
-- expression per column, named c0, c1, …, built by the caller from quoted identifiers): 10 quantile bins of the
-- week's known values as reports/psi.ts bins them, cut i at the value at 0-based position floor(i * n / 10)
-- (quantile_disc at i / 10 + 1e-10 picks exactly that position for n < 10^9; at i / 10 it would pick the one before
-- when i * n / 10 is whole), duplicates dropped. A column of counts or flags comes back as its histogram instead
-- (value → rows), and the caller picks the same positions from it: quantile_disc collects and partitions every value,
-- which cost most of the drift query at scale, while a count column has a few hundred distinct values at most.
-- Missing values (null, NaN, ±inf) are null here and count in neither.
with
settings as (
  -- Days an aged column's value moves by, to compare it with this week's ages.
  select cast($gap as double) as age_gap
),
previous as (
  -- Columns of the table are read qualified (t.), so one named like a column of this query stays apart.
  select
    {{columns}}
  from {{table}} as t, settings as s
  where t.as_of = cast($previous as date)
),
final as (
  select
    {{cut_lists}}
  from previous
)
select * from final
