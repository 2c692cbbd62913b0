-- Every row of one week of a history table ({{table}} is an allow-listed identifier, quoted by the caller), for drift.
with final as (
  select * from {{table}} where as_of = cast($as_of as date)
)
select * from final
