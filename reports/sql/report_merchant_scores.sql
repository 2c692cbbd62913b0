-- Every merchant scored at $as_of with its trust, tier, name and main category.
with
scores as (
  select merchant_id, trust, tier from score_merchant_history where as_of = cast($as_of as date)
),
final as (
  select s.merchant_id, s.trust, s.tier, coalesce(m.name, s.merchant_id) as name, coalesce(m.main_category, 'unknown') as category
  from scores as s
  left join merchants as m on m.merchant_id = s.merchant_id
)
select * from final order by merchant_id
