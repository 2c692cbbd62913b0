-- A small deterministic warehouse as of 2026-11-02 for the notebook sample build and tests: contract tables, feature marts,
-- scores, queue and simulation results. Buyers b001-b008 abuse refund-only (rings b001-b004 on one device, b005-b006 on one
-- address); b001, b002 and b005 are confirmed by investigations. Runs after the contract and output DDL, with the
-- tier thresholds in sample_tiers (the config defaults).

create or replace temp table sample_params as
select date '2026-11-02' as as_of, 60 as n_buyers, 12 as n_merchants, 12 as n_weeks;

create or replace macro u(k) as (hash(k) % 10000) / 10000.0;

insert into buyers
select printf('b%03d', i), timestamp '2025-01-01' + to_days(cast(u('reg' || i) * 500 as integer)), 'r' || (i % 4)
from range(1, 61) t(i);

insert into merchants
select printf('m%02d', i), 'Shop ' || i || case when i = 3 then ' 小店 <b>&amp;</b>' else '' end,
  ['fresh_food', 'electronics', 'apparel', 'home', 'beauty', 'grocery'][1 + cast(i % 6 as integer)],
  timestamp '2024-06-01' + to_days(i * 9), null
from range(1, 13) t(i);

-- Six orders per buyer over twelve weeks; ring members share device or address keys.
insert into orders
select
  printf('o%03d-%d', b, k),
  printf('b%03d', b),
  printf('m%02d', 1 + cast(hash('m' || b || k) % 12 as integer)),
  ['fresh_food', 'electronics', 'apparel', 'home', 'beauty', 'grocery'][1 + cast(hash('c' || b || k) % 6 as integer)],
  round(20 + u('a' || b || k) * 280, 2),
  ts,
  ts + interval 2 day,
  ts + interval 1 day,
  ts + interval 3 day + to_hours(cast(u('d' || b || k) * 48 as integer)),
  null,
  case when b between 5 and 6 then 'addr-B' else 'addr-' || b end,
  case when b between 1 and 4 then 'dev-A' else 'dev-' || b end,
  'pay-' || b
from range(1, 61) t(b), range(0, 6) s(k),
  lateral (select timestamp '2026-08-10' + to_hours(cast(u('t' || b || k) * 24 * 74 as integer)) as ts);

-- Abusers claim refund-only "not received" on most orders within hours of delivery; honest buyers refund now and then.
insert into refund_requests
select
  'r' || o.order_id,
  o.order_id,
  o.delivered_at + to_hours(case when ab then 2 else 24 + cast(u('h' || o.order_id) * 200 as integer) end),
  case when ab or u('k' || o.order_id) < 0.5 then 'refund_only' else 'return_and_refund' end,
  case when ab then 'not_received' else ['damaged', 'quality', 'not_as_described', 'no_reason_7day'][1 + cast(hash('w' || o.order_id) % 4 as integer)] end,
  case when ab then o.amount else round(o.amount * (0.3 + 0.7 * u('p' || o.order_id)), 2) end,
  case when u('s' || o.order_id) < 0.8 then 'approved' else 'rejected' end,
  o.delivered_at + interval 30 hour,
  o.delivered_at + interval 50 hour,
  'merchant',
  u('e' || o.order_id) < 0.1,
  null
from orders o, lateral (select cast(substr(o.buyer_id, 2) as integer) <= 8 as ab)
where ab and u('q' || o.order_id) < 0.8 or not ab and u('q' || o.order_id) < 0.2;

insert into investigations values
  ('c1', 'b001', null, timestamp '2026-09-01', timestamp '2026-09-20', 'confirmed_abuse'),
  ('c2', 'b002', null, timestamp '2026-09-05', timestamp '2026-09-28', 'confirmed_abuse'),
  ('c3', 'b005', null, timestamp '2026-09-10', timestamp '2026-10-05', 'confirmed_abuse'),
  ('c4', 'b020', null, timestamp '2026-09-10', timestamp '2026-10-01', 'cleared');

create or replace temp table sample_weeks as
select cast(as_of - to_weeks(w) as date) as week from sample_params, range(0, 13) t(w);

create table buyer_groups as
select p.as_of, case when b <= 4 then 'b001' when b <= 6 then 'b005' else printf('b%03d', b) end as group_id,
  printf('b%03d', b) as buyer_id, case when b <= 4 then 4 when b <= 6 then 2 else 1 end as group_size
from sample_params p, range(1, 61) t(b);

create table feat_buyer_history as
with req as (
  select o.buyer_id, count(*) as requests_90d, count(*) filter (kind = 'refund_only') as refund_only_90d,
    coalesce(sum(r.amount) filter (kind = 'refund_only' and r.requested_at >= date '2026-10-03'), 0) as refund_only_amount_30d,
    count(*) filter (reason = 'not_received') as not_received_claims_90d,
    avg(case when r.requested_at < o.delivered_at + interval 24 hour then 1 else 0 end) as request_within_24h_share_90d,
    count(distinct o.merchant_id) as merchants_requested_90d
  from refund_requests r join orders o using (order_id) group by all
), ord as (
  select buyer_id, count(*) as orders_90d, sum(amount) as spend_90d from orders group by all
)
select p.as_of, g.buyer_id, g.group_id, date_diff('day', b.registered_at, p.as_of) as account_age_days,
  ord.orders_90d, ord.spend_90d, coalesce(req.requests_90d, 0) as requests_90d, coalesce(req.refund_only_90d, 0) as refund_only_90d,
  coalesce(req.refund_only_amount_30d, 0) as refund_only_amount_30d,
  coalesce(req.refund_only_90d, 0) / ord.orders_90d as refund_only_order_rate_90d,
  coalesce(req.not_received_claims_90d, 0) as not_received_claims_90d, req.request_within_24h_share_90d,
  coalesce(req.merchants_requested_90d, 0) as merchants_requested_90d, g.group_size,
  case when g.group_id = 'b001' then 2 when g.group_id = 'b005' then 1 else 0 end as group_confirmed_abusers
from buyer_groups g join sample_params p on g.as_of = p.as_of join buyers b using (buyer_id) join ord using (buyer_id)
left join req using (buyer_id);

create table feat_merchant_history as
select p.as_of, m.merchant_id, m.main_category, count(o.order_id) as orders_90d, coalesce(sum(o.amount), 0) as gmv_90d,
  count(r.request_id) filter (r.kind = 'refund_only') / greatest(count(o.order_id), 1) as refund_only_rate_90d,
  round(0.02 + u('late' || m.merchant_id) * 0.15, 3) as late_shipment_rate_90d,
  round(3.2 + u('rat' || m.merchant_id) * 1.7, 2) as rating_avg_90d,
  round(0.6 + u('res' || m.merchant_id) * 0.4, 3) as ticket_resolution_rate_90d
from merchants m cross join sample_params p left join orders o using (merchant_id) left join refund_requests r using (order_id)
group by all;

insert into score_buyer_history
select w.week, printf('b%03d', b), risk,
  case when risk >= tiers.buyer_high then 'high' when risk >= tiers.buyer_elevated then 'elevated' else 'normal' end,
  case when b <= 8 then ['Claimed "not received" on delivered parcels', 'Requests within hours of delivery'] else ['Few refund requests'] end,
  ro, risk * ro,
  case when b <= 4 then 'b001' when b <= 6 then 'b005' else printf('b%03d', b) end,
  date '2026-10-05'
from sample_weeks w, sample_tiers tiers, range(1, 61) t(b),
  lateral (select round(case when b <= 8 then 0.45 + 0.5 * u('r' || b || w.week) else 0.3 * u('r' || b || w.week) ^ 2 end, 3) as risk,
    round(50 + 400 * u('ro' || b), 2) as ro);

insert into score_merchant_history
select w.week, printf('m%02d', m), trust,
  case when trust >= tiers.merchant_top_rated then 'top-rated' when trust >= tiers.merchant_standard then 'standard'
    when trust >= tiers.merchant_watch then 'watch' else 'at-risk' end,
  round(trust + 5 * u('f' || m), 1), round(trust - 5 * u('q' || m), 1), round(trust, 1), round(trust + 3 * u('s' || m), 1),
  ['Service responds within a day'], date '2026-10-05'
from sample_weeks w, sample_tiers tiers, range(1, 13) t(m), lateral (select round(35 + 60 * u('tr' || m) + 2 * u('wk' || m || w.week), 1) as trust);

insert into risk_queue_history
select p.as_of, row_number() over (order by s.expected_loss desc, s.buyer_id), s.buyer_id, s.risk, s.tier, s.expected_loss,
  s.refund_only_amount_30d, s.reasons, s.group_id, g.group_size,
  coalesce((select list(g2.buyer_id order by g2.buyer_id) from buyer_groups g2 where g2.group_id = g.group_id and g2.buyer_id <> s.buyer_id), []),
  case when g.group_id = 'b001' then 2 when g.group_id = 'b005' then 1 else 0 end
from score_buyer_history s join sample_params p on s.as_of = p.as_of join buyer_groups g using (buyer_id)
where s.tier <> 'normal'
qualify row_number() over (order by s.expected_loss desc, s.buyer_id) <= 10;

insert into sim_results
select scenario, w.week, 'overall', metric, v, v * 0.8, v * 1.2
from sample_weeks w,
  (values ('status-quo'), ('risk-gated'), ('no-refund-only')) s(scenario),
  (values ('abusive_amount_stopped_expected'), ('honest_burdened_rate')) m(metric),
  lateral (select round(case scenario when 'status-quo' then 0 when 'risk-gated' then 0.7 else 1 end
    * case metric when 'abusive_amount_stopped_expected' then 1500 + 500 * u(w.week::varchar) else 0.4 end, 3) as v);
