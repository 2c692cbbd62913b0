-- One round of min-label propagation over the buyer-key graph, followed by pointer jumping (label := label of label).
with edges as (
  select * from int_buyer_keys_linked
),

labels as (
  select * from int_buyer_labels
),

key_labels as (
  select e.k, min(l.label) as label
  from edges as e
  inner join labels as l on l.b = e.b
  group by e.k
),

buyer_labels as (
  select e.b, min(kl.label) as label
  from edges as e
  inner join key_labels as kl on kl.k = e.k
  group by e.b
),

-- labels are buyer numbers of the same component, so following them stays inside it and
-- halves chain lengths each round instead of moving one hop
jumped as (
  select bl.b, least(bl.label, target.label) as label
  from buyer_labels as bl
  inner join buyer_labels as target on target.b = bl.label
),

final as (
  select * from jumped
)

select * from final
