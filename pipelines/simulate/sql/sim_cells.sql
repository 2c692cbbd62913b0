-- Per (scenario, buyer, category, merchant tier) sums of the replayed requests: the unit the bootstrap resamples (buyers) and rolls up.
-- Sums are decimals: a sum of doubles depends on the order threads add them in, and identical runs must give identical bytes.
with
outcomes as (select * from sim_outcomes),
final as (
  select
    scenario, buyer_id, category, coalesce(merchant_tier, 'unscored') as merchant_tier,
    count(*) as requests,
    count(*) filter (where final_action = 'instant_refund') as requests_instant_refund,
    count(*) filter (where final_action = 'refund_after_return') as requests_refund_after_return,
    count(*) filter (where final_action = 'manual_review') as requests_manual_review,
    count(*) filter (where final_action = 'reject') as requests_reject,
    count(*) filter (where final_action = 'as_recorded') as requests_as_recorded,
    count(*) filter (where buyer_risk is null) as requests_unscored,
    count(*) filter (where auto_refund) as requests_auto_refunded,
    count(*) filter (where abusive) as abusive_requests,
    coalesce(sum(cast(amount as DECIMAL(38, 10))) filter (where abusive), 0) as abusive_amount_requested,
    coalesce(sum(cast(amount - kept_paid as DECIMAL(38, 10))) filter (where abusive), 0) as abusive_amount_stopped_confirmed,
    coalesce(sum(cast(kept_paid as DECIMAL(38, 10))) filter (where abusive), 0) as abusive_amount_paid_confirmed,
    coalesce(sum(cast(buyer_risk * cast(amount - kept_paid as double) as DECIMAL(38, 10))), 0) as abusive_amount_stopped_expected,
    count(*) filter (where not abusive) as honest_requests,
    count(*) filter (where not abusive and burdened) as honest_burdened,
    count(*) filter (where not abusive and is_new_buyer) as new_buyer_requests,
    count(*) filter (where not abusive and is_new_buyer and burdened) as new_buyer_burdened,
    sum(cast(refund_paid as DECIMAL(38, 10))) as refund_paid,
    sum(cast(kept_paid as DECIMAL(38, 10))) as merchant_loss,
    sum(cast(reviewed as DECIMAL(38, 10))) as reviewed,
    sum(cast(platform_cost as DECIMAL(38, 10))) as platform_cost,
    sum(cast(compensation_paid as DECIMAL(38, 10))) as compensation_cost,
    count(*) filter (where overflow) as overflowed,
    sum(cast(honest_cost as DECIMAL(38, 10))) as honest_buyer_cost
  from outcomes
  group by all
)
select * from final
