-- Orders in the trust window (orders_90d) per merchant at $as_of, from the merchant feature history: movers need activity.
with final as (
  select merchant_id, orders_90d::bigint as orders_90d
  from feat_merchant_history
  where as_of = cast($as_of as date)
)
select * from final order by merchant_id
