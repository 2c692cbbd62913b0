-- Ground truth per buyer: archetype, whether it abuses refunds, and its ring (linked abuser accounts).
with buyers as (
  select * from w_buyers
),
final as (
  select
    printf('b%07d', b) as buyer_id,
    archetype,
    is_abuser,
    case when ring is not null then printf('ring%05d', ring) end as ring_id
  from buyers
)
select * from final
