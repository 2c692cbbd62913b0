-- Metrics per scenario and segment from sim_sums, with 95% percentile intervals over the bootstrap replicates (r >= 1; r = 0 is the value).
with
sums as (select * from sim_sums),
metrics as (
  select
    s.scenario, s.segment, s.r,
    cast(requests as double) as requests,
    cast(requests_instant_refund as double) as requests_instant_refund,
    cast(requests_refund_after_return as double) as requests_refund_after_return,
    cast(requests_manual_review as double) as requests_manual_review,
    cast(requests_reject as double) as requests_reject,
    cast(requests_as_recorded as double) as requests_as_recorded,
    cast(requests_unscored as double) as requests_unscored,
    cast(requests_auto_refunded as double) as requests_auto_refunded,
    cast(abusive_requests as double) as abusive_requests,
    cast(abusive_amount_requested as double) as abusive_amount_requested,
    cast(abusive_amount_stopped_confirmed as double) as abusive_amount_stopped_confirmed,
    cast(abusive_amount_paid_confirmed as double) as abusive_amount_paid_confirmed,
    cast(abusive_amount_stopped_expected as double) as abusive_amount_stopped_expected,
    cast(honest_requests as double) as honest_requests,
    cast(honest_burdened as double) as honest_burdened,
    cast(honest_burdened as double) / nullif(honest_requests, 0) as honest_burdened_rate,
    cast(new_buyer_requests as double) as new_buyer_requests,
    cast(new_buyer_burdened as double) as new_buyer_burdened,
    cast(new_buyer_burdened as double) / nullif(new_buyer_requests, 0) as new_buyer_burdened_rate,
    cast(refund_paid as double) as refund_paid,
    cast(merchant_loss as double) as merchant_loss,
    cast(compensation_cost as double) as compensation_cost,
    cast(platform_cost as double) as platform_cost,
    cast(honest_buyer_cost as double) as honest_buyer_cost,
    cast(reviewed as double) / $weeks as review_workload,
    cast(overflowed as double) / $weeks as review_overflow
  from sums s
),
long as (
  unpivot metrics on columns(* exclude (scenario, segment, r)) into name metric value value
),
final as (
  select
    scenario, segment, metric,
    max(value) filter (where r = 0) as value,
    quantile_cont(value, 0.025) filter (where r > 0) as lo,
    quantile_cont(value, 0.975) filter (where r > 0) as hi
  from long
  group by scenario, segment, metric
  having max(value) filter (where r = 0) is not null
)
select * from final order by scenario, segment, metric
