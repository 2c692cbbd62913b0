-- Accounts above the queue's floors that were already handled as of $as_of (confirmed or under investigation), in queue order.
with final as (
  select rank, buyer_id, risk, tier, expected_loss, reasons, handled_as, handled_since, case_id
  from risk_queue_handled_history
  where as_of = cast($as_of as date)
)
select * from final order by rank
