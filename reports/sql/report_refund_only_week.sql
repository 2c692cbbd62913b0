-- Approved refund-only requests of the week [$week_end - 7 days, $week_end) with buyer and category, to weigh by rescored risk.
with
requests as (
  select r.order_id, r.amount::double as amount
  from refund_requests as r
  where r.requested_at >= cast($week_end as date) - 7 and r.requested_at < cast($week_end as date)
    and r.kind = 'refund_only' and r.status = 'approved'
),
final as (
  select o.buyer_id, o.category, q.amount
  from requests as q
  join orders as o on o.order_id = q.order_id
)
select * from final order by buyer_id, category
