-- The model date behind the $as_of and $previous scores of a score history table ({{table}}: allow-listed, quoted by the caller).
with final as (
  select strftime(as_of, '%Y-%m-%d') as as_of, strftime(max(model_date), '%Y-%m-%d') as model_date
  from {{table}}
  where as_of = cast($as_of as date) or as_of = cast($previous as date)
  group by as_of
)
select * from final order by as_of
