-- Estimated abuse loss per week and category: approved refund-only amount × the buyer's latest risk scored on or before the week's end.
with
weeks as (
  select cast($as_of as date) - cast(7 * k as integer) as week_end
  from range(0, $weeks) as t(k)
),
approved_refund_only as (
  select w.week_end, o.category, o.buyer_id, r.amount::double as amount
  from weeks as w
  join refund_requests as r
    on r.requested_at >= w.week_end - 7 and r.requested_at < w.week_end
   and r.kind = 'refund_only' and r.status = 'approved'
  join orders as o on o.order_id = r.order_id
),
scored as (
  select a.week_end, a.category, a.amount, s.risk
  from approved_refund_only as a
  asof left join score_buyer_history as s on s.buyer_id = a.buyer_id and a.week_end >= s.as_of
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
