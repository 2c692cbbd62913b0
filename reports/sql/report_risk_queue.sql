-- The risk review queue the score stage wrote for $as_of, in review order.
with final as (
  select rank, buyer_id, risk, tier, expected_loss, refund_only_amount_30d, reasons, group_id, group_size, group_members, group_confirmed_abusers
  from risk_queue_history
  where as_of = cast($as_of as date)
)
select * from final order by rank
