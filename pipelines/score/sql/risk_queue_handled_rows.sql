-- This week's already-handled list: buyers above the queue's floors with a confirmed verdict or an open case, taking no capacity.
with scored as (
  select * from score_buyer__build
),

final as (
  select
    $as_of::date as as_of,
    handled_rank::integer as rank,
    buyer_id,
    risk,
    tier,
    expected_loss,
    refund_only_amount_30d,
    reasons,
    handled_as,
    handled_since,
    handled_case_id as case_id
  from scored
  where handled_rank is not null
)

select * from final
