-- Buyer features at each date: one row per buyer with an order or refund request in the 365 days before it.
with buyers as (
  select * from stg_buyers
),

orders as (
  select * from int_orders_enriched
),

requests as (
  select * from int_requests_enriched
),

reviews as (
  select * from int_reviews_enriched
),

baselined as (
  select * from int_buyers_refund_baselined
),

grouped as (
  select * from int_buyers_grouped
),

flagged as (
  select * from int_buyers_flagged
),

exposed as (
  select * from int_buyers_shop_exposed
),

order_stats as materialized (
  select
    as_of,
    buyer_id,
    count(*) filter (where in_30d) as orders_30d,
    count(*) filter (where in_90d) as orders_90d,
    count(*) as orders_365d,
    coalesce(sum(amount) filter (where in_30d), 0) as spend_30d,
    coalesce(sum(amount) filter (where in_90d), 0) as spend_90d,
    sum(amount) as spend_365d,
    count(*) filter (where in_30d and has_request) as orders_with_request_30d,
    count(*) filter (where in_90d and has_request) as orders_with_request_90d,
    count(*) filter (where in_30d and has_refund_only) as orders_with_refund_only_30d,
    count(*) filter (where in_90d and has_refund_only) as orders_with_refund_only_90d,
    count(*) filter (where has_refund_only) as orders_with_refund_only_365d,
    coalesce(sum(requested_amount) filter (where in_30d), 0) as requested_amount_30d,
    coalesce(sum(requested_amount) filter (where in_90d), 0) as requested_amount_90d,
    coalesce(sum(refund_only_amount) filter (where in_30d), 0) as refund_only_order_amount_30d,
    coalesce(sum(refund_only_amount) filter (where in_90d), 0) as refund_only_order_amount_90d
  from orders
  group by as_of, buyer_id
),

request_stats as materialized (
  select
    as_of,
    buyer_id,
    count(*) filter (where in_30d) as requests_30d,
    count(*) filter (where in_90d) as requests_90d,
    count(*) as requests_365d,
    count(*) filter (where in_30d and is_refund_only) as refund_only_30d,
    count(*) filter (where in_90d and is_refund_only) as refund_only_90d,
    coalesce(sum(amount) filter (where in_30d and is_refund_only), 0) as refund_only_amount_30d,
    coalesce(sum(amount) filter (where in_90d and is_refund_only), 0) as refund_only_amount_90d,
    count(*) filter (where in_90d and is_not_received) as not_received_claims_90d,
    count(*) filter (where in_90d and is_not_received_on_delivered) as not_received_on_delivered_90d,
    median(hours_after_delivery) filter (where in_90d) as hours_delivery_to_request_median_90d,
    count(*) filter (where in_90d and hours_after_delivery is not null) as requests_after_delivery_90d,
    count(*) filter (where in_90d and hours_after_delivery <= 24) as requests_within_24h_90d,
    count(distinct merchant_id) filter (where in_90d) as merchants_requested_90d,
    count(distinct merchant_id) filter (where in_90d and is_approved) as merchants_refunded_90d,
    count(*) filter (where is_decided) as decided_365d,
    count(*) filter (where is_rejected) as rejected_365d,
    count(*) filter (where escalated) as escalated_365d,
    count(*) filter (where in_90d and category = 'fresh_food') as fresh_food_requests_90d,
    count(*) filter (where in_90d and after_low_review) as requests_after_low_review_90d,
    -- a year's view: a quiet abuser's 90 days look like anyone's, the year does not
    count(*) filter (where is_refund_only) as refund_only_365d,
    count(*) filter (where is_not_received_on_delivered) as not_received_on_delivered_365d,
    count(*) filter (where after_low_review) as requests_after_low_review_365d,
    count(distinct merchant_id) as merchants_requested_365d,
    count(*) filter (where hours_after_delivery is not null) as requests_after_delivery_365d,
    count(*) filter (where hours_after_delivery <= 24) as requests_within_24h_365d,
    count(*) filter (where is_refund_only and is_full_amount) as refund_only_full_365d
  from requests
  group by as_of, buyer_id
),

review_stats as (
  select
    as_of,
    buyer_id,
    count(*) filter (where is_low and after_rejection) as low_reviews_after_rejection_365d
  from reviews
  group by as_of, buyer_id
),

-- guest checkouts (no buyer id) have no account to score: they count for merchants only
population as (
  select as_of, buyer_id from order_stats where buyer_id is not null
  union
  select as_of, buyer_id from request_stats where buyer_id is not null
),

group_members as (
  select
    g.as_of,
    g.group_id,
    g.buyer_id,
    coalesce(r.refund_only_90d, 0) as refund_only_90d,
    coalesce(f.is_confirmed, false) as is_confirmed
  from grouped as g
  left join request_stats as r on r.as_of = g.as_of and r.buyer_id = g.buyer_id
  left join flagged as f on f.as_of = g.as_of and f.buyer_id = g.buyer_id
),

group_stats as (
  select
    as_of,
    group_id,
    sum(refund_only_90d) as group_refund_only_90d,
    count(*) filter (where is_confirmed) as group_confirmed
  from group_members
  group by as_of, group_id
),

final as (
  select
    p.as_of,
    p.buyer_id,
    coalesce(g.group_id, p.buyer_id) as group_id,
    date_diff('minute', b.registered_at, p.as_of::timestamp) / 1440.0 as account_age_days,
    coalesce(o.orders_30d, 0)::integer as orders_30d,
    coalesce(o.orders_90d, 0)::integer as orders_90d,
    coalesce(o.orders_365d, 0)::integer as orders_365d,
    coalesce(o.spend_30d, 0)::double as spend_30d,
    coalesce(o.spend_90d, 0)::double as spend_90d,
    coalesce(o.spend_365d, 0)::double as spend_365d,
    coalesce(r.requests_30d, 0)::integer as requests_30d,
    coalesce(r.requests_90d, 0)::integer as requests_90d,
    coalesce(r.refund_only_30d, 0)::integer as refund_only_30d,
    coalesce(r.refund_only_90d, 0)::integer as refund_only_90d,
    coalesce(r.refund_only_amount_30d, 0)::double as refund_only_amount_30d,
    coalesce(r.refund_only_amount_90d, 0)::double as refund_only_amount_90d,
    (o.orders_with_request_30d / nullif(o.orders_30d, 0))::double as request_order_rate_30d,
    (o.orders_with_request_90d / nullif(o.orders_90d, 0))::double as request_order_rate_90d,
    (o.orders_with_refund_only_30d / nullif(o.orders_30d, 0))::double as refund_only_order_rate_30d,
    (o.orders_with_refund_only_90d / nullif(o.orders_90d, 0))::double as refund_only_order_rate_90d,
    (o.requested_amount_30d / nullif(o.spend_30d, 0))::double as request_amount_rate_30d,
    (o.requested_amount_90d / nullif(o.spend_90d, 0))::double as request_amount_rate_90d,
    (o.refund_only_order_amount_30d / nullif(o.spend_30d, 0))::double as refund_only_amount_rate_30d,
    (o.refund_only_order_amount_90d / nullif(o.spend_90d, 0))::double as refund_only_amount_rate_90d,
    coalesce(r.not_received_claims_90d, 0)::integer as not_received_claims_90d,
    (r.not_received_on_delivered_90d / nullif(r.not_received_claims_90d, 0))::double
      as not_received_on_delivered_share_90d,
    r.hours_delivery_to_request_median_90d::double as hours_delivery_to_request_median_90d,
    (r.requests_within_24h_90d / nullif(r.requests_after_delivery_90d, 0))::double
      as request_within_24h_share_90d,
    coalesce(r.merchants_requested_90d, 0)::integer as merchants_requested_90d,
    coalesce(r.merchants_refunded_90d, 0)::integer as merchants_refunded_90d,
    (r.rejected_365d / nullif(r.decided_365d, 0))::double as rejected_rate_365d,
    (r.escalated_365d / nullif(r.requests_365d, 0))::double as escalated_rate_365d,
    coalesce(x.refund_only_expected_90d, 0)::double as refund_only_expected_90d,
    (coalesce(r.refund_only_90d, 0) - coalesce(x.refund_only_expected_90d, 0))::double as refund_only_excess_90d,
    coalesce(x.refund_only_at_low_refund_merchants_90d, 0)::integer as refund_only_at_low_refund_merchants_90d,
    coalesce(v.low_reviews_after_rejection_365d, 0)::integer as low_reviews_after_rejection_365d,
    coalesce(r.requests_after_low_review_90d, 0)::integer as requests_after_low_review_90d,
    (r.fresh_food_requests_90d / nullif(r.requests_90d, 0))::double as fresh_food_request_share_90d,
    coalesce(g.group_size, 1)::integer as group_size,
    coalesce(gs.group_refund_only_90d, r.refund_only_90d, 0)::integer as group_refund_only_90d,
    -- the buyer's own verdict is the label, so only the other accounts count
    (coalesce(gs.group_confirmed, 0) - case when f.is_confirmed and g.group_id is not null then 1 else 0 end)::integer
      as group_confirmed_abusers,
    case when b.registered_at_derived then 'first order' when b.buyer_id is not null then 'registration' end as account_age_basis,
    coalesce(r.refund_only_365d, 0)::integer as refund_only_365d,
    (o.orders_with_refund_only_365d / nullif(o.orders_365d, 0))::double as refund_only_order_rate_365d,
    coalesce(r.not_received_on_delivered_365d, 0)::integer as not_received_on_delivered_365d,
    coalesce(r.requests_after_low_review_365d, 0)::integer as requests_after_low_review_365d,
    coalesce(r.merchants_requested_365d, 0)::integer as merchants_requested_365d,
    (r.requests_within_24h_365d / nullif(r.requests_after_delivery_365d, 0))::double as request_within_24h_share_365d,
    (r.refund_only_full_365d / nullif(r.refund_only_365d, 0))::double as refund_only_full_amount_share_365d,
    e.abuser_shop_exposure_365d
  from population as p
  left join buyers as b on b.as_of = p.as_of and b.buyer_id = p.buyer_id
  left join order_stats as o on o.as_of = p.as_of and o.buyer_id = p.buyer_id
  left join request_stats as r on r.as_of = p.as_of and r.buyer_id = p.buyer_id
  left join review_stats as v on v.as_of = p.as_of and v.buyer_id = p.buyer_id
  left join baselined as x on x.as_of = p.as_of and x.buyer_id = p.buyer_id
  left join grouped as g on g.as_of = p.as_of and g.buyer_id = p.buyer_id
  left join group_stats as gs on gs.as_of = p.as_of and gs.group_id = g.group_id
  left join flagged as f on f.as_of = p.as_of and f.buyer_id = p.buyer_id
  left join exposed as e on e.as_of = p.as_of and e.buyer_id = p.buyer_id
)

select * from final
