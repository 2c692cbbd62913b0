-- Pass rates of each scorecard standard at $as_of, by the merchants' main category and over all merchants: merchants
-- with a verdict, how many of them passed and how many were past the limit only within chance (too few cases is no
-- verdict).
with scorecard as (
  select * from merchant_scorecard
  where as_of = cast($as_of as date)
),

final as (
  select
    standard,
    coalesce(main_category, 'all') as category,
    any_value(area) as area,
    any_value(direction) as direction,
    any_value(limit_value) as limit_value,
    any_value(min_cases) as min_cases,
    count(*) filter (where verdict <> 'too_few_cases') as judged,
    count(*) filter (where verdict = 'pass') as passed,
    count(*) filter (where verdict = 'within_chance') as within_chance,
    count(*) filter (where verdict = 'too_few_cases') as too_few
  from scorecard
  group by grouping sets ((standard, main_category), (standard))
)

select * from final order by standard, category
