-- Starting labels of the connected-components search: every linked buyer is its own component.
with edges as (
  select * from int_buyer_keys_linked
),

final as (
  select distinct
    b,
    b as label
  from edges
)

select * from final
