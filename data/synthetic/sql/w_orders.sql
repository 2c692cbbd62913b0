-- Orders: each buyer's orders spread over its active window, shop picked by category and popularity (victims lean to problem
-- shops, abusers to targeted ones), lifecycle timestamps shaped by the shop's problems, linking keys, censored at the end date.
create or replace table w_orders as
with p as (
  select * from w_params
),
buyers as (
  select * from w_buyers where n_orders > 0
),
categories as (
  select * from w_categories
),
category_slots as (
  select category, slot from w_category_slots where mix = 'order'
),
exploded as (
  select
    b.b, b.archetype, b.is_abuser, b.intensity, b.fussiness, b.ring, b.family, b.fresh_pref, b.problem_pref, b.target_pref,
    b.n_addr, b.n_dev, b.n_pay,
    b.order_offset + r.k + 1 as o,
    b.b * 4096 + r.k as ok,
    b.active_from_s + floor(tl_u(p.seed, b.b * 4096 + r.k, 'o.t') * (p.end_s - b.active_from_s))::BIGINT as created_s,
    p.seed, p.end_s
  from buyers b
  cross join p
  cross join range(b.n_orders) r(k)
),
routed as (
  select
    *,
    tl_u(seed, ok, 'o.route') as u_route,
    floor(tl_u(seed, ok, 'o.cat') * 1000)::BIGINT as cat_slot,
    tl_u(seed, ok, 'o.pick') as u_pick
  from exploded
),
with_category as (
  select r.*, c.category as drawn_category
  from routed r join category_slots c on c.slot = r.cat_slot
),
grouped as (
  select
    *,
    case
      when u_route < fresh_pref then 'cat'
      when u_route < fresh_pref + problem_pref then 'problem'
      when u_route < target_pref then 'target'
      else 'cat'
    end as pick_grp,
    case
      when u_route < fresh_pref then 'fresh_food'
      when u_route < fresh_pref + problem_pref then '*'
      when u_route < target_pref then '*'
      else drawn_category
    end as pick_cat
  from with_category
),
ticketed as (
  select g.*, pg.gid, floor(g.u_pick * pg.n_tickets)::BIGINT as ticket
  from grouped g join w_merchant_pick_groups pg on pg.grp = g.pick_grp and pg.cat = g.pick_cat
),
picked as (
  select t.*, mp.m
  from ticketed t join w_merchant_pick mp on mp.gid = t.gid and mp.ticket = t.ticket
),
shop as (
  select
    x.*,
    m.archetype as m_archetype,
    case when x.pick_cat = '*' then m.main_category else x.pick_cat end as category,
    case
      when m.is_problem and x.created_s >= m.since_s
        then m.severity * case when m.pd_s is not null and x.created_s >= m.pd_s then 0.6 else 1.0 end
      else 0.0
    end as eff_sev
  from picked x
  join w_merchants m using (m)
  -- a suspended or closed shop takes no orders
  where not (m.susp_s is not null and x.created_s >= m.susp_s and x.created_s < m.susp_until_s)
    and not (m.clo_s is not null and x.created_s >= m.clo_s)
),
lifecycle as (
  select
    s.*,
    c.promise_hours,
    round(greatest(1.0, c.amount_median * exp(c.amount_sigma * tl_z(s.seed, s.ok, 'o.amt'))), 2)::DECIMAL(18, 2) as amount,
    tl_u(s.seed, s.ok, 'o.cancel') < 0.02 + case when s.m_archetype = 'late_shipper' then 0.05 * s.eff_sev else 0 end as is_cancelled,
    tl_u(s.seed, s.ok, 'o.late') < 0.03
      + case when s.m_archetype = 'late_shipper' then 0.55 * s.eff_sev else 0 end
      + case when s.m_archetype = 'poor_service' then 0.04 else 0 end as ships_late,
    tl_u(s.seed, s.ok, 'o.lost') < 0.005 + case when s.m_archetype = 'late_shipper' then 0.02 * s.eff_sev else 0 end as is_lost,
    s.created_s + c.promise_hours * 3600 as promise_s,
    (3600 * (c.transit_min_h + c.transit_span_h * pow(tl_u(s.seed, s.ok, 'o.transit'), 1.5)))::BIGINT as transit_s
  from shop s join categories c using (category)
),
timed as (
  select
    *,
    case when is_cancelled then created_s + (3600 * (0.2 + 47 * tl_u(seed, ok, 'o.cancel.t')))::BIGINT end as cancel_raw,
    case when not is_cancelled then
      case when ships_late
        then promise_s + (3600 * (2 + 60 * tl_exp(seed, ok, 'o.ship.late')))::BIGINT
        else created_s + (3600 * (1 + (promise_hours - 3) * pow(tl_u(seed, ok, 'o.ship'), 1.3)))::BIGINT
      end
    end as ship_raw
  from lifecycle
),
keyed as (
  select
    *,
    case
      when tl_u(seed, ok, 'k.addr.null') < 0.02 then null
      when ring is not null and tl_u(seed, ok, 'k.addr') < 0.5 then hash(seed, ring, 'ring.addr')
      when family is not null and tl_u(seed, ok, 'k.addr') < 0.75 then hash(seed, family, 'fam.addr')
      else hash(seed, b, 'addr.' || floor(tl_u(seed, ok, 'k.addr.i') * n_addr)::INTEGER)
    end as address_key,
    case
      when tl_u(seed, ok, 'k.dev.null') < 0.03 then null
      when ring is not null and tl_u(seed, ok, 'k.dev') < 0.65 then hash(seed, ring, 'ring.dev')
      else hash(seed, b, 'dev.' || floor(tl_u(seed, ok, 'k.dev.i') * n_dev)::INTEGER)
    end as device_key,
    case
      when tl_u(seed, ok, 'k.pay.null') < 0.02 then null
      when ring is not null and tl_u(seed, ok, 'k.pay') < 0.4 then hash(seed, ring, 'ring.pay')
      when family is not null and tl_u(seed, ok, 'k.pay') < 0.25 then hash(seed, family, 'fam.pay')
      else hash(seed, b, 'pay.' || floor(tl_u(seed, ok, 'k.pay.i') * n_pay)::INTEGER)
    end as payment_key
  from timed
),
final as (
  select
    o, ok, b, m, archetype, is_abuser, intensity, fussiness, ring, m_archetype, eff_sev, category, amount, created_s,
    -- a deadline on or after the end date is withheld too: no timestamp in the output is on or after it
    case when tl_u(seed, ok, 'o.promise.null') >= 0.02 and promise_s < end_s then promise_s end as promise_s,
    case when cancel_raw < end_s then cancel_raw end as cancelled_s,
    case when ship_raw < end_s then ship_raw end as shipped_s,
    case when not is_lost and ship_raw + transit_s < end_s then ship_raw + transit_s end as delivered_s,
    ship_raw > promise_s as shipped_late,
    is_lost and ship_raw is not null as is_lost,
    address_key, device_key, payment_key
  from keyed
)
-- stored in id order: outputs are then written in that order without another sort
select * from final order by o
