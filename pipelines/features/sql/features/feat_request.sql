-- Request features for each date of request_weeks: one row per refund request made in the week before it, each described
-- as at the moment it was made — the request and its order, the buyer's and merchant's latest weekly features and
-- scores before it, its group.
with requests as (
  select * from int_requests_made_enriched
),

grouped as (
  select * from int_requests_made_grouped
),

buyer_history as (
  select * from feat_buyer_history
),

merchant_history as (
  select * from feat_merchant_history
),

buyer_score_history as (
  select * from req_buyer_scores
),

merchant_score_history as (
  select * from req_merchant_scores
),

-- each week looks only at the snapshots and scores of the $lookback_days days before it, of the accounts its
-- requests name
request_buyers as (
  select distinct as_of as week, buyer_id from requests
),

request_merchants as (
  select distinct as_of as week, merchant_id from requests
),

buyer_features as (
  select
    w.week, f.as_of, f.buyer_id, f.orders_365d, f.spend_365d, f.requests_90d, f.refund_only_30d, f.refund_only_90d,
    round(f.not_received_claims_90d * coalesce(f.not_received_on_delivered_share_90d, 0))
      as not_received_on_delivered_90d,
    f.request_within_24h_share_90d, f.refund_only_excess_90d, f.merchants_requested_90d,
    f.refund_only_at_low_refund_merchants_90d, f.low_reviews_after_rejection_365d, f.hours_delivery_to_request_median_90d
  from buyer_history as f
  inner join request_buyers as w
    on w.buyer_id = f.buyer_id and f.as_of >= w.week - to_days($lookback_days) and f.as_of < w.week
),

merchant_features as (
  select
    w.week, f.as_of, f.merchant_id, f.orders_90d, f.refund_only_rate_90d, f.product_defect_rate_90d,
    f.abuser_request_share_90d
  from merchant_history as f
  inner join request_merchants as w
    on w.merchant_id = f.merchant_id and f.as_of >= w.week - to_days($lookback_days) and f.as_of < w.week
),

buyer_scores as (
  select w.week, s.as_of, s.buyer_id, s.risk
  from buyer_score_history as s
  inner join request_buyers as w
    on w.buyer_id = s.buyer_id and s.as_of >= w.week - to_days($lookback_days) and s.as_of < w.week
),

merchant_scores as (
  select w.week, s.as_of, s.merchant_id, s.trust
  from merchant_score_history as s
  inner join request_merchants as w
    on w.merchant_id = s.merchant_id and s.as_of >= w.week - to_days($lookback_days) and s.as_of < w.week
),

-- the latest weekly snapshot at or before the request (ASOF), never one computed after it; snapshots more than four
-- weeks older than the week's start are not looked at (weekly runs leave none that old as the latest)
with_buyer as (
  select r.*, f.as_of as snapshot_as_of, f.* exclude (week, as_of, buyer_id)
  from requests as r
  asof left join buyer_features as f
    on f.week = r.as_of and f.buyer_id = r.buyer_id and r.requested_at >= f.as_of
),

with_merchant as (
  select
    r.*,
    m.orders_90d as merchant_orders_90d,
    m.refund_only_rate_90d as merchant_refund_only_rate_90d,
    m.product_defect_rate_90d as merchant_product_defect_rate_90d,
    m.abuser_request_share_90d as merchant_abuser_request_share_90d
  from with_buyer as r
  asof left join merchant_features as m
    on m.week = r.as_of and m.merchant_id = r.merchant_id and r.requested_at >= m.as_of
),

with_scores as (
  select r.*, s.risk as buyer_risk, t.trust as merchant_trust
  from with_merchant as r
  asof left join buyer_scores as s on s.week = r.as_of and s.buyer_id = r.buyer_id and r.requested_at >= s.as_of
  asof left join merchant_scores as t
    on t.week = r.as_of and t.merchant_id = r.merchant_id and r.requested_at >= t.as_of
),

final as (
  select
    r.as_of,
    r.request_id,
    r.buyer_id,
    r.merchant_id,
    r.requested_at,
    r.snapshot_as_of,
    (r.kind = 'refund_only')::integer as is_refund_only,
    (r.kind = 'return_and_refund')::integer as is_return_and_refund,
    (r.reason = 'not_received')::integer as reason_not_received,
    (r.reason = 'damaged')::integer as reason_damaged,
    (r.reason = 'quality')::integer as reason_quality,
    (r.reason = 'not_as_described')::integer as reason_not_as_described,
    (r.reason = 'wrong_item')::integer as reason_wrong_item,
    (r.reason = 'no_reason_7day')::integer as reason_no_reason_7day,
    r.amount::double as amount,
    (r.amount / nullif(r.order_amount, 0))::double as amount_share_of_order,
    (r.amount / nullif(r.spend_365d / nullif(r.orders_365d, 0), 0))::double as amount_vs_buyer_usual,
    (date_diff('minute', r.delivered_at, r.requested_at) / 60.0)::double as hours_since_delivery,
    (r.delivered_at is null)::integer as not_delivered,
    (date_diff('minute', r.promised_ship_by, r.requested_at) / 60.0)::double as hours_since_promised_ship,
    (date_diff('minute', r.ordered_at, r.requested_at) / 1440.0)::double as days_since_order,
    (r.category = 'fresh_food')::integer as category_fresh_food,
    (r.category = 'electronics')::integer as category_electronics,
    (r.category = 'apparel')::integer as category_apparel,
    r.low_review_before::integer as low_review_before,
    (date_diff('minute', r.registered_at, r.requested_at) / 1440.0)::double as buyer_account_age_days,
    r.orders_365d::double as buyer_orders_365d,
    r.requests_90d::double as buyer_requests_90d,
    r.refund_only_30d::double as buyer_refund_only_30d,
    r.refund_only_90d::double as buyer_refund_only_90d,
    r.not_received_on_delivered_90d::double as buyer_not_received_on_delivered_90d,
    r.request_within_24h_share_90d::double as buyer_request_within_24h_share_90d,
    r.refund_only_excess_90d::double as buyer_refund_only_excess_90d,
    r.merchants_requested_90d::double as buyer_merchants_requested_90d,
    r.refund_only_at_low_refund_merchants_90d::double as buyer_refund_only_at_low_refund_merchants_90d,
    r.low_reviews_after_rejection_365d::double as buyer_low_reviews_after_rejection_365d,
    r.hours_delivery_to_request_median_90d::double as buyer_hours_to_request_median_90d,
    coalesce(g.group_size, 1)::integer as group_size,
    coalesce(g.group_confirmed_abusers, 0)::integer as group_confirmed_abusers,
    coalesce(g.buyer_confirmed, false)::integer as buyer_confirmed,
    r.merchant_orders_90d::double as merchant_orders_90d,
    r.merchant_refund_only_rate_90d::double as merchant_refund_only_rate_90d,
    r.merchant_product_defect_rate_90d::double as merchant_product_defect_rate_90d,
    r.merchant_abuser_request_share_90d::double as merchant_abuser_request_share_90d,
    r.buyer_risk::double as buyer_risk,
    r.merchant_trust::double as merchant_trust
  from with_scores as r
  left join grouped as g on g.as_of = r.as_of and g.request_id = r.request_id
)

select * from final
