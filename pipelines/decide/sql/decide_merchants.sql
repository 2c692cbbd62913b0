-- Every merchant scored or snapshotted at $scores_as_of: the snapshot values request risk reads, trust and tier.
with snapshot as (
  select * from feat_merchant_history where as_of = $scores_as_of::date
),

scores as (
  select merchant_id, trust, tier from score_merchant_history where as_of = $scores_as_of::date
),

final as (
  select
    coalesce(s.merchant_id, c.merchant_id) as merchant_id,
    s.merchant_id is not null as in_snapshot,
    s.orders_90d::double as orders_90d,
    s.refund_only_rate_90d::double as refund_only_rate_90d,
    s.product_defect_rate_90d::double as product_defect_rate_90d,
    s.abuser_request_share_90d::double as abuser_request_share_90d,
    c.trust,
    c.tier
  from snapshot as s
  full outer join scores as c on c.merchant_id = s.merchant_id
)

select * from final
