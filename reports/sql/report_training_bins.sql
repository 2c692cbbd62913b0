-- This week's feature values against a model's training profile, per column: known values below each profile cut,
-- known values and rows ({{table}} allow-listed and quoted; the slots hold one expression per column, named c0, c1, …,
-- built by the caller from quoted identifiers, the cuts bound as $k{i}_{j}). Ages are taken back $age_shift days, to
-- the training date the profile's ages were advanced to; missing values (null, NaN, ±inf) are null here.
with
settings as (
  select cast($age_shift as double) as age_shift
),
this_week as (
  select
    {{columns}}
  from {{table}} as t, settings as s
  where t.as_of = cast($as_of as date)
),
counted as (
  select
    count(*) as week_rows,
    {{sums}}
  from this_week as w
),
final as (
  select feature, week_rows, stats.below as below, stats.known as known
  from counted unpivot (stats for feature in (columns(* exclude (week_rows))))
)
select * from final
