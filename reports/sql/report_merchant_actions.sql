-- The penalty ladder's recommendations for $as_of: every merchant with an action, or that came off the ladder this
-- week, strongest first, with its shop name and main category.
with recs as (
  select * from merchant_actions_recommended
),

merchants as (
  select * from merchants
),

final as (
  select
    r.merchant_id,
    coalesce(m.name, r.merchant_id) as name,
    coalesce(m.main_category, 'other') as category,
    r.level,
    r.action,
    r.previous_action,
    r.target_action,
    r.change,
    r.points_week,
    r.points_active,
    r.violations,
    strftime(r.deadline, '%Y-%m-%d') as deadline
  from recs as r
  left join merchants as m using (merchant_id)
  where r.as_of = cast($as_of as date) and (r.level > 0 or r.change = 'de-escalated')
)

select * from final order by level desc, points_active desc, merchant_id
