-- Convergence test of the connected-components search: buyers whose component id moved in the last round.
with previous as (
  select * from int_buyer_components
),

latest as (
  select * from int_buyer_components_propagated
),

final as (
  select count(*) as changed
  from latest as l
  inner join previous as p on p.buyer_number = l.buyer_number
  where l.component_id <> p.component_id
)

select * from final
