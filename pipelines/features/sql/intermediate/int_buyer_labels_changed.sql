-- Convergence test of the connected-components search: buyers whose label moved in the last round.
with previous as (
  select * from int_buyer_labels
),

latest as (
  select * from int_buyer_labels_next
),

final as (
  select count(*) as changed
  from latest as n
  inner join previous as p on p.b = n.b
  where n.label <> p.label
)

select * from final
