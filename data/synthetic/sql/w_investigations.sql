-- Investigations: part of the abusers (rings investigated together), opened 7-60 days after a triggering request, plus honest
-- buyers flagged for many or not-received refunds; a few verdicts are wrong; only cases closed before the end date exist.
create or replace table w_investigations as
with p as (
  select * from w_params
),
buyers as (
  select b, archetype, is_abuser, intensity, ring from w_buyers
),
requests as (
  select r, b, is_abusive, reason, delivered_s, requested_s from w_requests
),
abusive_ranked as (
  select r, b, requested_s, row_number() over (partition by b order by requested_s, r) as k, count(*) over (partition by b) as n
  from requests where is_abusive
),
abusers_chosen as (
  select bu.b, bu.intensity, p.seed
  from buyers bu cross join p
  where bu.is_abuser and case
    when bu.ring is not null then tl_u(p.seed, bu.ring, 'i.ring') < 0.55 and tl_u(p.seed, bu.b, 'i.ring.member') < 0.8
    else tl_u(p.seed, bu.b, 'i.pick') < 0.25 + 0.4 * bu.intensity
  end
),
abuser_cases as (
  select
    c.b, ar.r, ar.requested_s,
    tl_u(c.seed, c.b, 'i.verdict') < case when c.intensity < 0.4 then 0.82 else 0.92 end as confirmed
  from abusers_chosen c
  join abusive_ranked ar
    on ar.b = c.b and ar.k = least(ar.n, 1 + floor(tl_u(c.seed, c.b, 'i.trigger') * 3)::BIGINT)
),
honest_profile as (
  select
    q.b,
    count(*) as n_req,
    count(*) filter (where q.reason = 'not_received' and q.delivered_s is not null) as n_nr_delivered
  from requests q join buyers bu using (b)
  where not bu.is_abuser
  group by q.b
),
honest_chosen as (
  select h.b, h.n_req, p.seed
  from honest_profile h cross join p
  where tl_u(p.seed, h.b, 'i.pick') < least(0.6, 0.004 + 0.02 * (h.n_req - 1) + 0.1 * least(h.n_nr_delivered, 2))
),
honest_ranked as (
  select r, b, requested_s, row_number() over (partition by b order by requested_s, r) as k from requests
),
honest_cases as (
  select c.b, hr.r, hr.requested_s, tl_u(c.seed, c.b, 'i.verdict') < 0.06 as confirmed
  from honest_chosen c
  join honest_ranked hr on hr.b = c.b and hr.k = 1 + floor(tl_u(c.seed, c.b, 'i.trigger') * c.n_req)::BIGINT
),
cases as (
  select * from abuser_cases
  union all
  select * from honest_cases
),
timed as (
  select
    c.*,
    p.seed,
    p.end_s,
    c.requested_s + (86400 * (7 + 53 * tl_u(p.seed, c.b, 'i.open.t')))::BIGINT as opened_s,
    c.requested_s + (86400 * (7 + 53 * tl_u(p.seed, c.b, 'i.open.t')))::BIGINT
      + (86400 * (2 + 26 * tl_u(p.seed, c.b, 'i.close.t')))::BIGINT as closed_s
  from cases c cross join p
),
final as (
  select
    row_number() over (order by opened_s, b) as c,
    b,
    -- proactive account reviews name no single request
    case when tl_u(seed, b, 'i.proactive') >= 0.12 then r end as r,
    opened_s,
    closed_s,
    case when confirmed then 'confirmed_abuse' else 'cleared' end as verdict
  from timed
  where closed_s < end_s
)
-- stored in id order: outputs are then written in that order without another sort
select * from final order by c
