-- Merchant actions: monthly spot checks (failing more often for active problem shops), warnings, and the serious penalties
-- planned in w_merchants (mostly problem shops after a delay, a few good shops as noise).
create or replace table w_actions as
with p as (
  select * from w_params
),
merchants as (
  select * from w_merchants
),
months as (
  select range as j from range((select ceil(span_s / (30 * 86400.0))::BIGINT from w_params))
),
grid as (
  select
    m.*,
    mo.j,
    m.m * 1000 + mo.j as mk,
    p.seed,
    p.end_s,
    p.start_s
  from merchants m cross join months mo cross join p
),
spot as (
  select
    *,
    start_s + (86400 * (30 * j + 30 * tl_u(seed, mk, 'a.spot.t')))::BIGINT as taken_s
  from grid
  where tl_u(seed, mk, 'a.spot') < case when is_problem then 0.22 else 0.12 end
),
spot_result as (
  select
    *,
    tl_u(seed, mk, 'a.spot.fail') < 0.04 + case when is_problem and taken_s >= since_s
      then 0.15 + 0.5 * severity * case when pd_s is not null and taken_s >= pd_s then 0.6 else 1 end
      else 0 end as failed
  from spot
  where taken_s < end_s
),
random_warning as (
  select
    *,
    start_s + (86400 * (30 * j + 30 * tl_u(seed, mk, 'a.warn.t')))::BIGINT as taken_s
  from grid
),
events as (
  select m, mk * 8 + 1 as ak, taken_s, case when failed then 'spot_check_fail' else 'spot_check_pass' end as action, archetype, seed
  from spot_result
  union all
  select m, mk * 8 + 2, taken_s + (86400 * (1 + 4 * tl_u(seed, mk, 'a.fail.warn.t')))::BIGINT, 'warning', archetype, seed
  from spot_result
  where failed and tl_u(seed, mk, 'a.fail.warn') < 0.6
  union all
  select m, mk * 8 + 3, taken_s, 'warning', archetype, seed
  from random_warning
  where taken_s < end_s
    and tl_u(seed, mk, 'a.warn') < 0.008 + case when is_problem and taken_s >= since_s then 0.04 + 0.15 * severity else 0 end
  union all
  select m, m * 1000 * 8 + 4, pd_s, 'point_deduction', archetype, seed from merchants cross join p where pd_s is not null
  union all
  select m, m * 1000 * 8 + 5, dem_s, 'demotion', archetype, seed from merchants cross join p where dem_s is not null
  union all
  select m, m * 1000 * 8 + 6, susp_s, 'suspension', archetype, seed from merchants cross join p where susp_s is not null
  union all
  select m, m * 1000 * 8 + 7, clo_s, 'closure', archetype, seed from merchants cross join p where clo_s is not null
),
final as (
  select
    row_number() over (order by taken_s, ak) as a,
    m,
    taken_s,
    action,
    case
      when tl_u(seed, ak, 'a.reason.null') < 0.1 then null
      when action = 'spot_check_pass' then 'routine spot check passed / 抽检合格'
      when archetype = 'not_as_described' then 'items not as described / 描述不符'
      when archetype = 'late_shipper' then 'late shipment rate above 4% / 延迟发货'
      when archetype = 'poor_service' then 'slow after-sales response, attitude complaints / 售后服务差'
      when archetype = 'rejects_no_reason_returns' then 'refused 7-day no-reason returns / 拒绝七天无理由退货'
      when action = 'spot_check_fail' then 'sample below quality standard / 抽检不合格'
      else 'buyer complaints upheld / 投诉成立'
    end as reason
  from events
  where taken_s < (select end_s from w_params)
)
-- stored in id order: outputs are then written in that order without another sort
select * from final order by a
