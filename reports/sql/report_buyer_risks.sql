-- Published buyer risks at $as_of (the comparable previous week when the model did not change).
with final as (
  select buyer_id, risk, tier from score_buyer_history where as_of = cast($as_of as date)
)
select * from final order by buyer_id
