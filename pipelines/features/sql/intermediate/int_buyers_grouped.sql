-- Linked-account groups at each date: each linked buyer with its group id (the smallest buyer id in the group) and the group's size.
with edges as (
  select * from int_buyer_keys_linked
),

components as (
  select * from int_buyer_components
),

buyers as (
  select distinct as_of, buyer_number, buyer_id from edges
),

final as (
  select
    member.as_of,
    member.buyer_id,
    root.buyer_id as group_id,
    (count(*) over (partition by c.component_id))::integer as group_size
  from components as c
  inner join buyers as member on member.buyer_number = c.buyer_number
  inner join buyers as root on root.buyer_number = c.component_id
)

select * from final
