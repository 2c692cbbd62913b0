-- Merchants with archetype, severity, popularity and their penalty timeline (problem onset, point deduction, demotion, suspension, closure).
create or replace table w_merchants as
with p as (
  select * from w_params
),
archetypes as (
  select archetype, bad, slot from w_archetypes where entity = 'merchant'
),
categories as (
  select category, slot from w_category_slots where mix = 'merchant'
),
ids as (
  select range + 1 as m from range((select n_merchants from w_params))
),
drawn as (
  select
    ids.m,
    floor(tl_u(p.seed, ids.m, 'm.arch') * 10000)::BIGINT as arch_slot,
    floor(tl_u(p.seed, ids.m, 'm.cat') * 1000)::BIGINT as cat_slot,
    p.start_s,
    p.end_s,
    p.span_s,
    p.seed
  from ids cross join p
),
typed as (
  select d.*, a.archetype, a.bad as is_problem
  from drawn d join archetypes a on a.slot = d.arch_slot
),
placed as (
  select t.*, c.category as main_category
  from typed t join categories c on c.slot = t.cat_slot
),
shaped as (
  select
    *,
    case when is_problem then 0.25 + 0.75 * pow(tl_u(seed, m, 'm.sev'), 0.8) else 0.0 end as severity,
    -- popularity is heavy-tailed: a few big shops take many orders
    exp(1.1 * tl_z(seed, m, 'm.pop')) * case when is_problem then 0.8 else 1.0 end as weight,
    start_s - 86400 * (60 + floor(tl_u(seed, m, 'm.open') * 1400))::BIGINT as opened_s,
    -- problems predate the window for some shops and start during it for others
    case
      when is_problem and tl_u(seed, m, 'm.since.pre') < 0.4 then start_s - 86400 * (30 + floor(tl_u(seed, m, 'm.since') * 170))::BIGINT
      when is_problem then start_s + floor(tl_u(seed, m, 'm.since') * 0.85 * span_s)::BIGINT
    end as since_s,
    tl_u(seed, m, 'm.caught') as u_caught,
    tl_u(seed, m, 'm.noise') as u_noise
  from placed
),
first_penalty as (
  select
    *,
    case
      when is_problem and u_caught < 0.45 + 0.5 * severity
        then since_s + (86400 * (14 + 120 * (1 - severity) * tl_u(seed, m, 'm.pd') + 20 * tl_exp(seed, m, 'm.pd.x')))::BIGINT
      when not is_problem and u_noise < 0.03 * span_s / (365.0 * 86400)
        then start_s + floor(tl_u(seed, m, 'm.pd.noise') * span_s)::BIGINT
    end as pd_raw
  from shaped
),
escalated as (
  select
    *,
    case when is_problem and severity >= 0.55 and tl_u(seed, m, 'm.dem') < 0.6
      then pd_raw + (86400 * (20 + 60 * tl_u(seed, m, 'm.dem.t')))::BIGINT end as dem_raw
  from first_penalty
),
suspended as (
  select
    *,
    case when severity >= 0.75 and dem_raw is not null and tl_u(seed, m, 'm.susp') < 0.5
      then dem_raw + (86400 * (15 + 45 * tl_u(seed, m, 'm.susp.t')))::BIGINT end as susp_raw
  from escalated
),
closed as (
  select
    *,
    susp_raw + (86400 * (7 + 23 * tl_u(seed, m, 'm.susp.d')))::BIGINT as susp_until_raw,
    case when severity >= 0.85 and susp_raw is not null and tl_u(seed, m, 'm.clo') < 0.5
      then susp_raw + (86400 * (7 + 23 * tl_u(seed, m, 'm.susp.d')) + 86400 * (10 + 50 * tl_u(seed, m, 'm.clo.t')))::BIGINT end as clo_raw
  from suspended
),
final as (
  select
    m,
    archetype,
    is_problem,
    severity,
    main_category,
    weight,
    opened_s,
    since_s,
    case when pd_raw < end_s then pd_raw end as pd_s,
    case when dem_raw < end_s then dem_raw end as dem_s,
    case when susp_raw < end_s then susp_raw end as susp_s,
    case when susp_raw < end_s then susp_until_raw end as susp_until_s,
    case when clo_raw < end_s then clo_raw end as clo_s,
    list_element(['鲜果', '优品', 'Happy', '数码', 'Urban', '小米粒', '青木', 'Lotus', '極光', 'Panda', 'Mama''s', '"Best"', '乐购', 'Nordic', '良品'],
      1 + floor(tl_u(seed, m, 'm.name1') * 15)::INTEGER)
      || list_element(['旗舰店', ' Store', '专营店', ' Shop', '小铺', ' & Co.', '生鲜馆', ' 官方店', ' Outlet'],
      1 + floor(tl_u(seed, m, 'm.name2') * 9)::INTEGER)
      || ' ' || m as name,
    case when tl_u(seed, m, 'm.region.null') < 0.03 then null
      else list_element(['CN-BJ', 'CN-SH', 'CN-GD', 'CN-ZJ', 'CN-JS', 'CN-SC', 'CN-HB', 'CN-FJ'],
        1 + floor(tl_u(seed, m, 'm.region') * 8)::INTEGER) end as region
  from closed
)
-- stored in id order: outputs are then written in that order without another sort
select * from final order by m
