-- Compensation per week over the $weeks weeks ending at $as_of: confirmed and expected refund-only money to abusers
-- that merchants bore (0 in a week without any; null before the ledger's first week).
with weeks as (
  select cast($as_of as date) - 7 * k::integer as week_end from range($weeks) r(k)
),

ledger as (
  select as_of, sum(confirmed_amount) as confirmed, sum(expected_amount) as expected
  from merchant_compensation
  group by as_of
),

final as (
  select
    strftime(w.week_end, '%Y-%m-%d') as week_end,
    case when w.week_end >= (select min(as_of) from merchant_compensation) then coalesce(l.confirmed, 0) end as confirmed,
    case when w.week_end >= (select min(as_of) from merchant_compensation) then coalesce(l.expected, 0) end as expected
  from weeks as w
  left join ledger as l on l.as_of = w.week_end
)

select * from final order by week_end
