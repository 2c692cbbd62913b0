-- Estimated abuse loss per week and category: approved refund-only amount × the buyer's latest risk scored on or before the week's end.
-- Requests fall in their week by report_week_end (report_macro_week_end.sql), one pass, not a join per week;
-- the latest score is the buyer's scores up to the week end joined by buyer (an ASOF join here was planned as a
-- nested loop over the whole score history).
with
approved_refund_only as (
  select
    r.request_id,
    report_week_end($as_of, r.requested_at) as week_end,
    o.category,
    o.buyer_id,
    r.amount::double as amount
  from refund_requests as r
  join orders as o on o.order_id = r.order_id
  where r.requested_at >= cast($as_of as date) - cast(7 * $weeks as integer)
    and r.requested_at < cast($as_of as date)
    and r.kind = 'refund_only' and r.status = 'approved'
),
buyers as (
  select distinct buyer_id from approved_refund_only
),
buyer_scores as (
  select s.buyer_id, s.as_of, s.risk
  from score_buyer_history as s
  semi join buyers as b on b.buyer_id = s.buyer_id
  where s.as_of <= cast($as_of as date)
),
scored as (
  select a.request_id, a.week_end, a.category, a.amount, arg_max_null(s.risk, s.as_of) as risk
  from approved_refund_only as a
  left join buyer_scores as s on s.buyer_id = a.buyer_id and s.as_of <= a.week_end
  group by a.request_id, a.week_end, a.category, a.amount
),
first_score as (
  select min(as_of) as first_as_of from score_buyer_history
),
final as (
  select
    strftime(s.week_end, '%Y-%m-%d') as week_end,
    s.category,
    sum(s.amount * coalesce(s.risk, 0)) as estimated_abuse_loss
  from scored as s, first_score as f
  where f.first_as_of <= s.week_end
  group by all
)
select * from final order by week_end, category
