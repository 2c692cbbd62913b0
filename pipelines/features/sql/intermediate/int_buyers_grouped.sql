-- Linked-account groups: each linked buyer with its group id (the smallest buyer id in the group) and the group's size.
with edges as (
  select * from int_buyer_keys_linked
),

labels as (
  select * from int_buyer_labels
),

buyers as (
  select distinct b, buyer_id from edges
),

final as (
  select
    m.buyer_id,
    root.buyer_id as group_id,
    (count(*) over (partition by l.label))::integer as group_size
  from labels as l
  inner join buyers as m on m.b = l.b
  inner join buyers as root on root.b = l.label
)

select * from final
