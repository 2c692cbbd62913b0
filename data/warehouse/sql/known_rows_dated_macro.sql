-- known_<table>_dated(): the rows of a contract table as known at each date of a dates table, one copy per date with
-- its as_of in front. The same rule as known_<table>(as_of), for many dates in one query: a row's newest version
-- delivered on or before the date; a row first delivered later reads as first delivered (its event times are
-- censored by the caller). Only (date, row) pairs changed after the date are rebuilt from the versions table; callers
-- filter by event time, which the optimizer turns into a range join of the table and the dates.
create or replace temp macro {{macro}}() as table
with dates as (
  select as_of from {{dates}}
),

changed_later as (
  select distinct d.as_of, {{versionKey}}
  from {{versions}} as v
  inner join dates as d on v.known_at > d.as_of
  where v.version > 1
),

current_rows as (
  select d.as_of, t.*
  from {{table}} as t
  cross join dates as d
  anti join changed_later as c on c.as_of = d.as_of and {{currentMatch}}
),

earlier_versions as (
  select c.as_of, v.* exclude (version, batch_id, known_at)
  from changed_later as c
  inner join {{versions}} as v on {{versionMatch}}
  where v.version = 1 or v.known_at <= c.as_of
  qualify row_number() over (partition by c.as_of, {{changedKey}} order by v.version desc) = 1
),

final as (
  select * from current_rows
  union all by name
  select * from earlier_versions
)

select * from final
