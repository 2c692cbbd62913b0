-- Every buyer as the decision service sees it for requests after $scores_as_of: registration, that week's snapshot and score, group.
with accounts as (
  select buyer_id, registered_at from buyers
),

snapshot as (
  select * from feat_buyer_history where as_of = $scores_as_of::date
),

scores as (
  select buyer_id, risk, tier from score_buyer_history where as_of = $scores_as_of::date
),

final as (
  select
    a.buyer_id,
    epoch_ms(a.registered_at)::double as registered_ms,
    s.buyer_id is not null as in_snapshot,
    s.orders_365d::double as orders_365d,
    s.spend_365d::double as spend_365d,
    s.requests_90d::double as requests_90d,
    s.refund_only_30d::double as refund_only_30d,
    s.refund_only_90d::double as refund_only_90d,
    round(s.not_received_claims_90d * coalesce(s.not_received_on_delivered_share_90d, 0))::double as not_received_on_delivered_90d,
    s.request_within_24h_share_90d::double as request_within_24h_share_90d,
    s.refund_only_excess_90d::double as refund_only_excess_90d,
    s.merchants_requested_90d::double as merchants_requested_90d,
    s.refund_only_at_low_refund_merchants_90d::double as refund_only_at_low_refund_merchants_90d,
    s.low_reviews_after_rejection_365d::double as low_reviews_after_rejection_365d,
    s.hours_delivery_to_request_median_90d::double as hours_delivery_to_request_median_90d,
    c.risk,
    c.tier
  from accounts as a
  left join snapshot as s on s.buyer_id = a.buyer_id
  left join scores as c on c.buyer_id = a.buyer_id
)

select * from final
