-- The weekly scorecard: each metric against its standard (limit and minimum cases from config, bound as JSON), with the
-- median of the merchant's category that week and a verdict: pass, fail, or too_few_cases (no verdict).
with metrics as (
  select * from gov_metrics
),

merchants as (
  select * from merchants
),

standards as (
  select unnest(
    from_json($standards, '[{"standard":"VARCHAR","area":"VARCHAR","direction":"VARCHAR","limit":"DOUBLE","min_cases":"INTEGER","points":"DOUBLE"}]'),
    recursive := true
  )
),

judged as (
  select
    m.as_of,
    m.merchant_id,
    coalesce(mm.main_category, 'other') as main_category,
    s.area,
    m.standard,
    m.value,
    m.cases,
    m.failed,
    s.direction,
    s.limit as limit_value,
    s.min_cases,
    s.points,
    m.cases >= s.min_cases as has_verdict
  from metrics as m
  inner join standards as s using (standard)
  left join merchants as mm using (merchant_id)
),

category_medians as (
  select as_of, main_category, standard, median(value) as category_median
  from judged
  where has_verdict
  group by all
),

final as (
  select
    j.as_of,
    j.merchant_id,
    j.main_category,
    j.area,
    j.standard,
    j.value,
    j.cases,
    j.failed,
    j.direction,
    j.limit_value,
    j.min_cases,
    c.category_median,
    case
      when not j.has_verdict then 'too_few_cases'
      when j.direction = 'max' and j.value > j.limit_value then 'fail'
      when j.direction = 'min' and j.value < j.limit_value then 'fail'
      else 'pass'
    end as verdict,
    j.points
  from judged as j
  left join category_medians as c using (as_of, main_category, standard)
)

select * from final
