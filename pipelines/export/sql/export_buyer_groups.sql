-- Linked-account groups of the export week (buyer_groups at $as_of).
with

groups as (
  select * from buyer_groups
),

final as (
  select * from groups where as_of = $as_of::date
  order by group_id, buyer_id
)

select * from final
