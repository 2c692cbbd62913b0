-- The merchant tier moves of $as_of with their cause (model: the retrained trust model; data: the shop's own numbers).
with final as (
  select
    merchant_id,
    cause,
    strftime(previous_model_date, '%Y-%m-%d') as previous_model_date,
    strftime(model_date, '%Y-%m-%d') as model_date
  from score_merchant_moves_history
  where as_of = cast($as_of as date)
)
select * from final order by merchant_id
