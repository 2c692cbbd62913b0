-- Per buyer, refund-only requests expected in 90 days from the baselines of the merchants bought from, and those made at low-refund merchants.
with pairs as (
  select * from int_buyer_merchants_paired
),

baselines as (
  select * from int_merchants_baselined
),

-- leave the buyer's own history out of the merchant's baseline, and shrink small merchants
-- towards the platform rate with a prior worth 20 orders, so one buyer cannot set the bar
pair_baselines as (
  select
    p.as_of,
    p.buyer_id,
    p.orders_90d,
    p.refund_only_90d,
    b.platform_rate,
    (
      b.clean_refund_only_365d - case when p.buyer_flagged then 0 else p.refund_only_365d end
      + 20 * b.platform_rate
    ) / (
      b.clean_orders_365d - case when p.buyer_flagged then 0 else p.orders_365d end + 20
    ) as baseline_rate
  from pairs as p
  inner join baselines as b on b.as_of = p.as_of and b.merchant_id = p.merchant_id
),

final as (
  select
    as_of,
    buyer_id,
    -- summed as decimals: a sum of doubles depends on the order threads add them in, and runs must give the same bytes
    sum(cast(orders_90d * baseline_rate as DECIMAL(38, 12)))::double as refund_only_expected_90d,
    coalesce(sum(refund_only_90d) filter (where baseline_rate < platform_rate), 0)::integer
      as refund_only_at_low_refund_merchants_90d
  from pair_baselines
  group by as_of, buyer_id
)

select * from final
