-- Refund requests: abusive ones planted by abuser archetypes, legitimate ones driven by category, shop problems, lateness and
-- lost parcels; then the after-sales flow (merchant answer, 48 h auto-refund, escalation, platform decision, return), censored at the end.
create or replace table w_requests as
with p as (
  select * from w_params
),
orders as (
  select o.*, c.legit_refund_rate
  from w_orders o join w_categories c using (category)
  where o.cancelled_s is null and (o.delivered_s is not null or (o.is_lost and o.shipped_s is not null))
),
decided as (
  select
    o.*,
    p.end_s,
    p.seed,
    o.delivered_s is not null and o.is_abuser and tl_u(p.seed, o.o, 'r.abuse') < o.intensity * case o.archetype
      when 'serial_refunder' then 0.5
      when 'not_received_claimer' then 0.4
      when 'fast_claimer' then 0.45
      when 'ring_member' then 0.4
      when 'review_extortion' then 0.35
      else 0.0
    end as is_abusive,
    o.legit_refund_rate * o.fussiness * case when o.is_abuser then 0.8 else 1.0 end
      + case when o.shipped_late then 0.02 else 0.0 end as p_base,
    case o.m_archetype
      when 'not_as_described' then 0.45 * o.eff_sev
      when 'late_shipper' then case when o.shipped_late then 0.2 + 0.1 * o.eff_sev else 0.03 * o.eff_sev end
      when 'poor_service' then 0.12 * o.eff_sev
      when 'rejects_no_reason_returns' then 0.08 * o.eff_sev
      else 0.0
    end as p_merch
  from orders o cross join p
),
selected as (
  select
    *,
    case
      when is_abusive then 'abuse'
      when delivered_s is null then case when tl_u(seed, o, 'r.lost') < 0.75 then 'lost' end
      when tl_u(seed, o, 'r.legit') < p_base + p_merch then
        case when tl_u(seed, o, 'r.cause') < p_merch / (p_base + p_merch) then 'merchant' else 'base' end
    end as cause
  from decided
),
reasoned as (
  select
    *,
    tl_u(seed, o, 'r.reason') as ur,
    case
      when cause = 'lost' then 'not_received'
      when cause = 'abuse' then case archetype
        when 'not_received_claimer' then 'not_received'
        when 'fast_claimer' then case when tl_u(seed, o, 'r.reason') < 0.4 then 'damaged' when tl_u(seed, o, 'r.reason') < 0.65 then 'wrong_item' else 'quality' end
        when 'review_extortion' then case when tl_u(seed, o, 'r.reason') < 0.5 then 'not_as_described' else 'quality' end
        else case when tl_u(seed, o, 'r.reason') < 0.4 then 'quality' when tl_u(seed, o, 'r.reason') < 0.7 then 'damaged'
          when tl_u(seed, o, 'r.reason') < 0.9 then 'not_as_described' else 'other' end
      end
      when cause = 'merchant' then case m_archetype
        when 'not_as_described' then case when tl_u(seed, o, 'r.reason') < 0.6 then 'not_as_described' else 'quality' end
        when 'late_shipper' then case when tl_u(seed, o, 'r.reason') < 0.4 then 'not_received' else 'other' end
        when 'poor_service' then case when tl_u(seed, o, 'r.reason') < 0.5 then 'quality' when tl_u(seed, o, 'r.reason') < 0.8 then 'other' else 'damaged' end
        else case when tl_u(seed, o, 'r.reason') < 0.7 then 'no_reason_7day' else 'quality' end
      end
      when category = 'fresh_food' then case
        when tl_u(seed, o, 'r.reason') < 0.45 then 'damaged' when tl_u(seed, o, 'r.reason') < 0.80 then 'quality'
        when tl_u(seed, o, 'r.reason') < 0.85 then 'wrong_item' when tl_u(seed, o, 'r.reason') < 0.90 then 'not_received' else 'other' end
      else case
        when tl_u(seed, o, 'r.reason') < 0.25 then 'quality' when tl_u(seed, o, 'r.reason') < 0.37 then 'damaged'
        when tl_u(seed, o, 'r.reason') < 0.52 then 'not_as_described' when tl_u(seed, o, 'r.reason') < 0.60 then 'wrong_item'
        when tl_u(seed, o, 'r.reason') < (case when category = 'apparel' then 0.92 else 0.85 end) then 'no_reason_7day'
        when tl_u(seed, o, 'r.reason') < (case when category = 'apparel' then 0.94 else 0.89 end) then 'not_received'
        else 'other' end
    end as reason
  from selected
  where cause is not null
),
kinded as (
  select
    *,
    case
      when reason = 'not_received' then 'refund_only'
      when reason = 'no_reason_7day' then 'return_and_refund'
      when cause = 'abuse' then case when tl_u(seed, o, 'r.kind') < 0.88 then 'refund_only' else 'return_and_refund' end
      when category = 'fresh_food' then case when tl_u(seed, o, 'r.kind') < 0.88 then 'refund_only' else 'return_and_refund' end
      when amount < 30 and tl_u(seed, o, 'r.kind') < 0.6 then 'refund_only'
      when tl_u(seed, o, 'r.kind') < 0.25 then 'refund_only'
      when tl_u(seed, o, 'r.kind') < (case when category = 'apparel' then 0.6 else 0.8 end) then 'return_and_refund'
      else 'exchange'
    end as kind,
    -- extortion: the 1-star review comes first, a few hours after delivery
    case when cause = 'abuse' and archetype = 'review_extortion'
      then delivered_s + (3600 * (2 + 10 * tl_u(seed, o, 'r.ext.review')))::BIGINT end as extortion_review_s
  from reasoned
),
timed as (
  select
    *,
    case
      when cause = 'lost' then shipped_s + (86400 * (8 + 7 * tl_u(seed, o, 'r.t')))::BIGINT
      when extortion_review_s is not null then extortion_review_s + (3600 * (1 + 23 * tl_u(seed, o, 'r.t')))::BIGINT
      when cause = 'abuse' and archetype = 'fast_claimer' then delivered_s + (3600 * (0.3 + 5.7 * tl_u(seed, o, 'r.t')))::BIGINT
      when cause = 'abuse' and archetype = 'not_received_claimer' then delivered_s + (3600 * (6 + 90 * tl_u(seed, o, 'r.t')))::BIGINT
      when cause = 'abuse' then delivered_s + (3600 * (3 + 30 * tl_exp(seed, o, 'r.t')))::BIGINT
      when reason = 'no_reason_7day' then delivered_s + (86400 * 6.5 * tl_u(seed, o, 'r.t'))::BIGINT
      -- spoiled fresh food is found on unpacking, so honest claims also come within hours
      when category = 'fresh_food' then delivered_s + (3600 * (1 + 10 * tl_exp(seed, o, 'r.t')))::BIGINT
      when reason = 'not_received' then delivered_s + (3600 * (12 + 72 * tl_u(seed, o, 'r.t')))::BIGINT
      else delivered_s + (3600 * (2 + 40 * tl_exp(seed, o, 'r.t')))::BIGINT
    end as requested_s,
    case
      when cause = 'abuse' or tl_u(seed, o, 'r.partial') >= case when category = 'fresh_food' then 0.4 else 0.2 end then amount
      else round(amount * (0.3 + 0.6 * tl_u(seed, o, 'r.partial.f')), 2)::DECIMAL(18, 2)
    end as req_amount
  from kinded
),
flowed as (
  select
    *,
    cause <> 'abuse' and tl_u(seed, o, 'r.withdraw') < 0.04 as withdraws,
    requested_s + (3600 * (1 + 30 * tl_u(seed, o, 'r.withdraw.t')))::BIGINT as withdraw_s,
    tl_u(seed, o, 'r.respond') < case m_archetype
      when 'poor_service' then 0.85 - 0.5 * eff_sev
      when 'good' then 0.93
      when 'abuser_target' then 0.93
      else 0.88
    end as responds,
    requested_s + (3600 * least(47.9, tl_exp(seed, o, 'r.respond.t') * case when m_archetype = 'poor_service' then 6 + 30 * eff_sev else 6 end))::BIGINT as respond_s,
    tl_u(seed, o, 'r.approve') < case
      when reason = 'no_reason_7day' and m_archetype = 'rejects_no_reason_returns' then 0.2
      -- a shop that refuses returns refuses exchanges too once its problem has started
      when kind = 'exchange' and m_archetype = 'rejects_no_reason_returns' and eff_sev > 0 then 0.4
      when cause = 'abuse' and reason = 'not_received' then 0.5
      when cause = 'abuse' then 0.7
      when m_archetype = 'not_as_described' then 0.6
      when m_archetype in ('good', 'abuser_target') then 0.88
      else 0.8
    end as merchant_approves,
    tl_u(seed, o, 'r.escalate') < case when cause = 'abuse' then 0.7 else 0.55 end as escalates,
    tl_u(seed, o, 'r.platform') < case
      when cause = 'abuse' and reason = 'not_received' then 0.35
      when cause = 'abuse' then 0.5
      when reason = 'no_reason_7day' then 0.9
      else 0.8
    end as platform_approves
  from timed
  where requested_s < end_s
),
outcome as (
  select
    *,
    respond_s + (3600 * 6 * tl_u(seed, o, 'r.decide.t'))::BIGINT as merchant_decide_s,
    respond_s + (3600 * 6 * tl_u(seed, o, 'r.decide.t'))::BIGINT + (3600 * (2 + 46 * tl_u(seed, o, 'r.escalate.t')))::BIGINT as escalate_s,
    respond_s + (3600 * 6 * tl_u(seed, o, 'r.decide.t'))::BIGINT + (3600 * (2 + 46 * tl_u(seed, o, 'r.escalate.t')))::BIGINT
      + (3600 * (24 + 96 * tl_u(seed, o, 'r.platform.t')))::BIGINT as platform_s
  from flowed
),
resolved as (
  select
    *,
    case
      when withdraws and (not responds or withdraw_s < respond_s) then 'withdrawn'
      when not responds then 'auto'
      when merchant_approves then 'merchant_approved'
      when escalates then 'platform'
      else 'merchant_rejected'
    end as path
  from outcome
),
final_times as (
  select
    *,
    case path
      when 'withdrawn' then withdraw_s
      when 'auto' then requested_s + 48 * 3600
      when 'platform' then platform_s
      else merchant_decide_s
    end as decided_raw,
    case path
      when 'withdrawn' then 'withdrawn'
      when 'auto' then 'approved'
      when 'merchant_approved' then 'approved'
      when 'merchant_rejected' then 'rejected'
      else case when platform_approves then 'approved' else 'rejected' end
    end as final_status,
    case path when 'auto' then 'auto' when 'platform' then 'platform' when 'withdrawn' then null else 'merchant' end as final_decider,
    case
      when path = 'withdrawn' then null
      when path = 'auto' then case when tl_u(seed, o, 'r.late.answer') < 0.4 then requested_s + (3600 * (48 + 24 * tl_exp(seed, o, 'r.late.answer.t')))::BIGINT end
      else respond_s
    end as responded_raw
  from resolved
),
final as (
  select
    row_number() over (order by requested_s, o) as r,
    o,
    b,
    m,
    archetype,
    is_abuser,
    cause = 'abuse' as is_abusive,
    case when cause = 'abuse' then archetype end as abuse_pattern,
    cause,
    category,
    delivered_s,
    requested_s,
    extortion_review_s,
    kind,
    reason,
    req_amount as amount,
    case when decided_raw < end_s then final_status else 'pending' end as status,
    case when responded_raw < end_s then responded_raw end as merchant_responded_s,
    case when decided_raw < end_s and final_status <> 'withdrawn' then decided_raw end as decided_s,
    case when decided_raw < end_s then final_decider end as decided_by,
    path = 'platform' and escalate_s < end_s as escalated,
    case when decided_raw < end_s and final_status = 'approved' and kind = 'return_and_refund'
        and decided_raw + (86400 * (2 + 5 * tl_u(seed, o, 'r.return.t')))::BIGINT < end_s
      then decided_raw + (86400 * (2 + 5 * tl_u(seed, o, 'r.return.t')))::BIGINT end as returned_s
  from final_times
)
-- stored in id order: outputs are then written in that order without another sort
select * from final order by r
