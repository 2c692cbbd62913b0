-- The latest as_of before $as_of in a history table ({{table}} is an allow-listed identifier, quoted by the caller).
with final as (
  select strftime(max(as_of), '%Y-%m-%d') as previous_as_of from {{table}} where as_of < cast($as_of as date)
)
select * from final
