-- Buyers with archetype, abuse intensity, refund fussiness, rings and family address groups, registration and order volume.
create or replace table w_buyers as
with p as (
  select * from w_params
),
archetypes as (
  select archetype, bad, slot from w_archetypes where entity = 'buyer'
),
ids as (
  select range + 1 as b from range((select n_buyers from w_params))
),
drawn as (
  select ids.b, floor(tl_u(p.seed, ids.b, 'b.arch') * 10000)::BIGINT as arch_slot, p.seed, p.start_s, p.end_s, p.span_s
  from ids cross join p
),
typed as (
  select d.*, a.archetype, a.bad as is_abuser
  from drawn d join archetypes a on a.slot = d.arch_slot
),
ring_ranked as (
  select b, row_number() over (order by b) - 1 as rr from typed where archetype = 'ring_member'
),
-- rings of 3-8 accounts: consecutive ring members fill rings of hashed sizes
ring_sizes as (
  select range + 1 as ring, 3 + floor(tl_u(p.seed, range, 'ring.size') * 6)::BIGINT as size
  from range((select count(*) // 3 + 1 from ring_ranked)) cross join p
),
ring_bounds as (
  select ring, coalesce(sum(size) over (order by ring rows between unbounded preceding and 1 preceding), 0) as lo from ring_sizes
),
ring_of as (
  select r.b, rb.ring
  from ring_ranked r asof join ring_bounds rb on r.rr >= rb.lo
),
joined as (
  select
    t.*,
    ro.ring,
    -- families: blocks of 4 consecutive ids where 2-4 honest members share an address
    case
      when not t.is_abuser
        and tl_u(t.seed, t.b // 4, 'fam') < 0.06
        and t.b % 4 < 2 + floor(tl_u(t.seed, t.b // 4, 'fam.size') * 3)
      then t.b // 4
    end as family
  from typed t left join ring_of ro using (b)
),
registered as (
  select
    *,
    least(end_s - 86400 * 7, case
      when ring is not null
        then start_s - 86400 * 120 + floor(tl_u(seed, ring, 'ring.reg') * (0.8 * span_s + 86400 * 120))::BIGINT
          + floor(tl_u(seed, b, 'b.reg') * 86400 * 20)::BIGINT
      when is_abuser and tl_u(seed, b, 'b.new') < 0.45
        then start_s + floor(tl_u(seed, b, 'b.reg') * 0.85 * span_s)::BIGINT
      when is_abuser
        then start_s - 86400 * (10 + floor(tl_u(seed, b, 'b.reg') * 500))::BIGINT
      when tl_u(seed, b, 'b.new') < 0.22
        then start_s + floor(tl_u(seed, b, 'b.reg') * 0.92 * span_s)::BIGINT
      else start_s - 86400 * (10 + floor(tl_u(seed, b, 'b.reg') * 720))::BIGINT
    end) as registered_s
  from joined
),
volumed as (
  select
    *,
    greatest(start_s, registered_s + 3600) as active_from_s,
    exp(ln(11.0) - 0.5 + tl_z(seed, b, 'b.vol')) * case
      when is_abuser then 1.4
      when archetype = 'fresh_food_regular' then 1.15
      when archetype = 'honest_heavy_refunder_victim' then 1.1
      else 1.0
    end as lam
  from registered
),
counted as (
  select
    *,
    -- lam is orders per 52 weeks of activity, so longer histories hold more orders
    least(4000, floor(lam * (end_s - active_from_s) / (364 * 86400.0) + tl_u(seed, b, 'b.vol.r')))::BIGINT as n_orders
  from volumed
),
final as (
  select
    b,
    -- orders are numbered buyer by buyer, so an order id needs no global sort
    coalesce(sum(n_orders) over (order by b rows between unbounded preceding and 1 preceding), 0)::BIGINT as order_offset,
    n_orders,
    archetype,
    is_abuser,
    ring,
    family,
    registered_s,
    active_from_s,
    case
      when not is_abuser then 0.0
      when tl_u(seed, b, 'b.careful') < 0.25 then 0.1 + 0.25 * tl_u(seed, b, 'b.int')
      else 0.45 + 0.55 * tl_u(seed, b, 'b.int')
    end as intensity,
    -- victims are quick to ask once they have been let down; honest buyers differ in how readily they ask
    exp(0.5 * tl_z(seed, b, 'b.fuss') - 0.125) * case when archetype = 'honest_heavy_refunder_victim' then 1.5 else 1.0 end as fussiness,
    case when archetype = 'fresh_food_regular' then 0.45 + 0.2 * tl_u(seed, b, 'b.fresh') else 0.0 end as fresh_pref,
    case when archetype = 'honest_heavy_refunder_victim' then 0.45 + 0.3 * tl_u(seed, b, 'b.victim') else 0.0 end as problem_pref,
    case when is_abuser then 0.35 else 0.0 end as target_pref,
    1 + (tl_u(seed, b, 'b.naddr') < 0.15)::INTEGER + (tl_u(seed, b, 'b.naddr') < 0.03)::INTEGER as n_addr,
    1 + (tl_u(seed, b, 'b.ndev') < 0.2)::INTEGER as n_dev,
    1 + (tl_u(seed, b, 'b.npay') < 0.25)::INTEGER + (tl_u(seed, b, 'b.npay') < 0.05)::INTEGER as n_pay,
    case when tl_u(seed, b, 'b.region.null') < 0.05 then null
      else list_element(['CN-BJ', 'CN-SH', 'CN-GD', 'CN-ZJ', 'CN-JS', 'CN-SC', 'CN-HB', 'CN-FJ', 'CN-HN', 'CN-SD'],
        1 + floor(tl_u(seed, b, 'b.region') * 10)::INTEGER) end as region
  from counted
)
-- stored in id order: outputs are then written in that order without another sort
select * from final order by b
