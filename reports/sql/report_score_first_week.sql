-- Earliest buyer score date: weeks ending before it have no abuse-loss estimate (shown as missing, not zero).
with final as (
  select strftime(min(as_of), '%Y-%m-%d') as first_as_of from score_buyer_history
)
select * from final
