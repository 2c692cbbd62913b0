-- Buyers the risk team has already handled as of $as_of: a confirmed-abuse verdict closed before it, or a case opened before it and still open.
with cases as (
  select * from investigations
),

confirmed as (
  select
    buyer_id,
    max(closed_at) as since,
    arg_max(case_id, closed_at) as case_id
  from cases
  where verdict = 'confirmed_abuse' and closed_at < $as_of::timestamp
  group by buyer_id
),

-- a case closing on or after as_of was still open then, whatever its verdict
open_cases as (
  select
    buyer_id,
    min(opened_at) as since,
    arg_min(case_id, opened_at) as case_id
  from cases
  where opened_at < $as_of::timestamp and closed_at >= $as_of::timestamp
  group by buyer_id
),

final as (
  select
    coalesce(c.buyer_id, o.buyer_id) as buyer_id,
    case when c.buyer_id is not null then 'confirmed_abuse' else 'open_investigation' end as handled_as,
    strftime(coalesce(c.since, o.since), '%Y-%m-%d %H:%M') as since,
    coalesce(c.case_id, o.case_id) as case_id
  from confirmed as c
  full outer join open_cases as o on o.buyer_id = c.buyer_id
)

select * from final order by buyer_id
