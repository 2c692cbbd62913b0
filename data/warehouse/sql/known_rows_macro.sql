-- known_<table>(as_of): the rows of a contract table as known at as_of. A row's newest version delivered on or before
-- as_of; a row first delivered later reads as first delivered (its event times are censored by the caller, as for
-- history loaded at once). Only rows changed after as_of are rebuilt from the versions table, so an unchanged
-- warehouse reads the contract table as it is.
create or replace temp macro {{macro}}(as_of) as table
with changed_later as (
  select distinct {{key}}
  from {{versions}}
  where version > 1 and known_at > cast(as_of as DATE)
),
current_rows as (
  select * from {{table}} anti join changed_later using ({{key}})
),
earlier_versions as (
  select * exclude (version, batch_id, known_at)
  from {{versions}} semi join changed_later using ({{key}})
  where version = 1 or known_at <= cast(as_of as DATE)
  qualify row_number() over (partition by {{key}} order by version desc) = 1
),
final as (
  select * from current_rows
  union all by name
  select * from earlier_versions
)
select * from final
