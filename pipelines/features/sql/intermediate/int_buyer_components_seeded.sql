-- First round of the connected-components search over the buyer-key graph: every linked buyer is its own component.
with edges as (
  select * from int_buyer_keys_linked
),

final as (
  select distinct
    buyer_number,
    buyer_number as component_id
  from edges
)

select * from final
