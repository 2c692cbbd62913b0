-- Reviews with DSR sub-ratings: ratings fall with shop problems, lateness and refunds, the service rating also with the shop's
-- strain that week (seasonal peaks, bad weeks); extortionists leave 1 star before asking.
create or replace table w_reviews as
with p as (
  select * from w_params
),
orders as (
  select * from w_orders where delivered_s is not null
),
requests as (
  select o, cause, status, requested_s, extortion_review_s from w_requests
),
candidates as (
  select
    x.*,
    r.cause,
    r.status as request_status,
    r.requested_s,
    r.extortion_review_s,
    p.seed,
    p.end_s,
    p.start_s
  from orders x
  left join requests r using (o)
  cross join p
),
chosen as (
  select
    *,
    case
      when extortion_review_s is not null then extortion_review_s
      when requested_s is not null then requested_s + (3600 * (2 + 72 * tl_exp(seed, o, 'v.t')))::BIGINT
      else delivered_s + (3600 * (6 + 96 * tl_exp(seed, o, 'v.t')))::BIGINT
    end as created_s,
    coalesce(cause in ('base', 'merchant', 'lost'), false) as legit_request,
    coalesce(cause = 'abuse', false) as abusive_request
  from candidates
  where extortion_review_s is not null
    or tl_u(seed, o, 'v.has') < case when requested_s is not null then 0.5 else 0.38 end
),
scored as (
  select
    *,
    4.55
      - case when m_archetype = 'not_as_described' then 1.8 * eff_sev else 0 end
      - case when m_archetype = 'poor_service' then 0.6 * eff_sev else 0 end
      - case when shipped_late then 0.9 else 0 end
      - case when legit_request then 1.3 else 0 end
      - case when abusive_request then 1.2 else 0 end
      + 0.75 * tl_z(seed, o, 'v.q') as q,
    4.6
      - case when m_archetype = 'not_as_described' then 2.0 * eff_sev else 0 end
      - case when legit_request then 1.0 else 0 end
      + 0.6 * tl_z(seed, o, 'v.d') as q_described,
    4.6
      - case when m_archetype = 'poor_service' then 2.2 * eff_sev else 0 end
      - case when m_archetype = 'rejects_no_reason_returns' then 0.8 * eff_sev else 0 end
      - case when request_status = 'rejected' then 1.0 else 0 end
      - 0.8 * tl_strain(seed, m, created_s, start_s)
      + 0.6 * tl_z(seed, o, 'v.s') as q_service,
    4.7
      - case when shipped_late then 1.5 else 0 end
      - case when m_archetype = 'late_shipper' then 0.8 * eff_sev else 0 end
      + 0.6 * tl_z(seed, o, 'v.l') as q_logistics,
    tl_u(seed, o, 'v.dsr.null') < 0.15 as no_dsr
  from chosen
  where created_s < end_s
),
rated as (
  select
    *,
    case when extortion_review_s is not null then 1 else least(5, greatest(1, round(q)))::INTEGER end as rating
  from scored
),
texted as (
  select
    r.*,
    case when r.rating <= 2 then 'neg' when r.rating = 3 then 'mid' else 'pos' end as bucket,
    r.extortion_review_s is not null or tl_u(r.seed, r.o, 'v.text.has') < 0.55 as has_text,
    floor(tl_u(r.seed, r.o, 'v.text') * 1000)::BIGINT as text_slot
  from rated r
),
with_text as (
  select t.*, rt.text as template
  from texted t join w_review_texts rt on rt.bucket = t.bucket and rt.slot = t.text_slot
),
final as (
  select
    -- at most one review per order, so the review number is the order number (no global sort needed)
    o as v,
    o,
    rating,
    case when not no_dsr then case when extortion_review_s is not null then 1 else least(5, greatest(1, round(q_described)))::INTEGER end end as described,
    case when not no_dsr then least(5, greatest(1, round(q_service)))::INTEGER end as service,
    case when not no_dsr then least(5, greatest(1, round(q_logistics)))::INTEGER end as logistics,
    case when has_text then template end as text,
    created_s
  from with_text
)
-- stored in id order: outputs are then written in that order without another sort
select * from final order by v
