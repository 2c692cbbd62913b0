-- The spot-check sample drawn for $as_of with each merchant's inclusion probability, most certain first.
with checks as (
  select * from merchant_spot_checks
),

merchants as (
  select * from merchants
),

final as (
  select
    c.merchant_id,
    coalesce(m.name, c.merchant_id) as name,
    coalesce(m.main_category, 'other') as category,
    c.stratum,
    c.inclusion_probability,
    c.risk,
    c.trust,
    c.standards_failed,
    c.failed_standards,
    c.population,
    c.risk_draws,
    c.random_draws
  from checks as c
  left join merchants as m using (merchant_id)
  where c.as_of = cast($as_of as date)
)

select * from final order by inclusion_probability desc, merchant_id
