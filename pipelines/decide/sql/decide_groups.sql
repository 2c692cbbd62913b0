-- Linked-account groups as last built at or before $scores_as_of (buyers in a group of two or more).
with groups as (
  select * from buyer_groups
),

latest as (
  select max(as_of) as as_of from groups where as_of <= $scores_as_of::date
),

final as (
  select g.group_id, g.buyer_id
  from groups as g
  inner join latest as l on l.as_of = g.as_of
)

select * from final order by group_id, buyer_id
