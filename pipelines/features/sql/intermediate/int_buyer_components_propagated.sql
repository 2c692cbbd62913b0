-- One round of min-label propagation over the buyer-key graph, then pointer jumping: each buyer takes the smallest
-- component id among the buyers it shares a key with, then the component id of that component's own buyer.
with edges as (
  select * from int_buyer_keys_linked
),

components as (
  select * from int_buyer_components
),

key_components as (
  select e.key_number, min(c.component_id) as component_id
  from edges as e
  inner join components as c on c.buyer_number = e.buyer_number
  group by e.key_number
),

buyer_components as (
  select e.buyer_number, min(kc.component_id) as component_id
  from edges as e
  inner join key_components as kc on kc.key_number = e.key_number
  group by e.buyer_number
),

-- component ids are buyer numbers of the same component, so following them stays inside it and
-- halves chain lengths each round instead of moving one hop
jumped as (
  select bc.buyer_number, least(bc.component_id, target.component_id) as component_id
  from buyer_components as bc
  inner join buyer_components as target on target.buyer_number = bc.component_id
),

final as (
  select * from jumped
)

select * from final
