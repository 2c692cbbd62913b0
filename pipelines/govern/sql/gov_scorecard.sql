-- The weekly scorecard: each metric against its standard (limit and minimum cases from config, bound as JSON), with the
-- median of the merchant's category that week and a verdict: pass; fail, when the cases show the limit breached beyond
-- chance ($evidence_z, from govern.confidence); within_chance, past the limit but not beyond what its few cases could
-- show by chance (no points); or too_few_cases (no verdict).
with metrics as (
  select * from gov_metrics
),

merchants as (
  select * from merchants
),

standards as (
  select unnest(
    from_json($standards, '[{"standard":"VARCHAR","area":"VARCHAR","direction":"VARCHAR","unit":"VARCHAR","limit":"DOUBLE","min_cases":"INTEGER","points":"DOUBLE"}]'),
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
    m.cases >= s.min_cases as has_verdict,
    (s.direction = 'max' and m.value > s.limit) or (s.direction = 'min' and m.value < s.limit) as past_limit,
    -- the share of failed cases that breaches the standard: over half for a median, the complement for a minimum share
    case when s.unit = 'hours' then 0.5 when s.direction = 'min' then 1 - s.limit else s.limit end as failed_share_limit
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

-- Wilson's lower bound of the failed share: the least share of failed cases the week's cases are consistent with
evidence as (
  select
    *,
    (p + z * z / (2 * n) - z * sqrt(p * (1 - p) / n + z * z / (4 * n * n))) / (1 + z * z / n) as failed_share_low
  from (
    select *, failed / cases as p, cases::double as n, $evidence_z::double as z
    from judged
    where has_verdict and past_limit
  )
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
      when not j.past_limit then 'pass'
      when $evidence_z = 0 or e.failed_share_low > j.failed_share_limit then 'fail'
      else 'within_chance'
    end as verdict,
    j.points
  from judged as j
  left join category_medians as c using (as_of, main_category, standard)
  left join evidence as e using (as_of, merchant_id, standard)
)

select * from final
