-- Service tickets: after-sales tickets on orders (more with refunds, lateness, lost parcels, and buyers chasing shops that
-- do not answer or refuse returns) plus pre-sale questions; response, resolution, satisfaction and attitude complaints
-- follow the shop's service quality and its strain that week (seasonal peaks, bad weeks); censored at the end date.
create or replace table w_tickets as
with p as (
  select * from w_params
),
orders as (
  select x.*, r.requested_s, r.cause
  from w_orders x left join w_requests r using (o)
),
after_sales as (
  select
    o * 2 as tk, o, m, b, m_archetype, eff_sev, true as has_order, requested_s is not null as has_request,
    case
      when requested_s is not null then requested_s + (3600 * 24 * tl_u(p.seed, o, 't.open'))::BIGINT
      else created_s + (3600 * (2 + 100 * tl_u(p.seed, o, 't.open')))::BIGINT
    end as opened_s,
    p.seed, p.end_s, p.start_s
  from orders cross join p
  where tl_u(p.seed, o, 't.has') < 0.035
    + case when requested_s is not null then 0.3 else 0 end
    + case when shipped_late then 0.12 else 0 end
    + case when is_lost then 0.3 else 0 end
    + case when m_archetype = 'poor_service' then 0.05 + 0.2 * eff_sev else 0 end
    + case when m_archetype = 'rejects_no_reason_returns' then 0.12 * eff_sev else 0 end
),
pre_sale as (
  select
    o * 2 + 1 as tk, o, m, b, m_archetype, eff_sev, false as has_order, false as has_request,
    -- asked shortly before ordering (never before the account existed)
    created_s - (3000 * tl_u(p.seed, o, 't.pre.t'))::BIGINT as opened_s,
    p.seed, p.end_s, p.start_s
  from orders cross join p
  where tl_u(p.seed, o, 't.pre') < 0.025
),
tickets as (
  select * from after_sales
  union all
  select * from pre_sale
),
strained as (
  select *, tl_strain(seed, m, opened_s, start_s) as strain
  from tickets
  where opened_s < end_s
),
handled as (
  select
    *,
    tl_u(seed, tk, 't.respond') < case m_archetype
      when 'poor_service' then 0.92 - 0.35 * eff_sev when 'good' then 0.97 when 'abuser_target' then 0.97 else 0.95 end
      - 0.1 * strain as responds,
    opened_s + (3600 * tl_exp(seed, tk, 't.respond.t') * case m_archetype
      when 'poor_service' then 2 + 30 * eff_sev when 'not_as_described' then 2.0 else 1.5 end * (1 + 5 * strain))::BIGINT as respond_raw,
    tl_u(seed, tk, 't.resolve') < case m_archetype
      when 'poor_service' then 0.88 - 0.4 * eff_sev when 'not_as_described' then 0.82 when 'good' then 0.92
      when 'abuser_target' then 0.92 when 'rejects_no_reason_returns' then 0.86 - 0.3 * eff_sev else 0.86 end
      - 0.25 * strain as resolves
  from strained
),
timed as (
  select
    *,
    case when responds and respond_raw < end_s then respond_raw end as first_response_s,
    case when responds and resolves
      and respond_raw + (3600 * (0.5 + 14 * tl_exp(seed, tk, 't.resolve.t')))::BIGINT < end_s
      then respond_raw + (3600 * (0.5 + 14 * tl_exp(seed, tk, 't.resolve.t')))::BIGINT end as resolved_s
  from handled
),
final as (
  select
    -- after-sales tickets are 2 x order, pre-sale 2 x order + 1: unique without a global sort
    tk as t,
    m,
    case when has_order then o end as o,
    case when has_order or tl_u(seed, tk, 't.buyer.null') >= 0.3 then b end as b,
    opened_s,
    first_response_s,
    resolved_s,
    resolved_s is not null as resolved,
    case when tl_u(seed, tk, 't.sat.null') >= 0.45 then least(5, greatest(1, round(
      4.4
      - case when m_archetype = 'poor_service' then 2.0 * eff_sev else 0 end
      - case when m_archetype = 'not_as_described' then 0.7 * eff_sev else 0 end
      - case when resolved_s is null then 1.3 else 0 end
      - case when has_request then 0.4 else 0 end
      - 1.0 * strain
      + 0.8 * tl_z(seed, tk, 't.sat')
    )))::INTEGER end as satisfaction,
    tl_u(seed, tk, 't.attitude') < 0.01
      + case when m_archetype = 'poor_service' then 0.22 * eff_sev else 0 end
      + case when m_archetype = 'rejects_no_reason_returns' then 0.15 * eff_sev else 0 end
      + case when resolved_s is null then 0.02 else 0 end
      + 0.08 * strain as attitude_complaint
  from timed
)
-- stored in id order: outputs are then written in that order without another sort
select * from final order by t
