-- Each request's linked-account group as last built before it, and who in it (the buyer apart) had a confirmed verdict by then.
with requests as (
  select as_of, request_id, buyer_id, requested_at from int_requests_made_enriched
),

weeks as (
  select * from request_weeks
),

groups as (
  select * from req_buyer_groups
),

cases as (
  select * from investigations
),

-- a week looks only at the groups built in the $lookback_days days before it
windowed as (
  select w.as_of as week, g.as_of, g.group_id, g.buyer_id
  from groups as g
  inner join weeks as w on g.as_of >= w.as_of - to_days($lookback_days) and g.as_of < w.as_of
),

confirmed as (
  select buyer_id, min(closed_at) as confirmed_at
  from cases
  where verdict = 'confirmed_abuse'
  group by buyer_id
),

placed as (
  select r.*, g.as_of as group_as_of, g.group_id
  from requests as r
  asof left join windowed as g on g.week = r.as_of and g.buyer_id = r.buyer_id and r.requested_at >= g.as_of
),

-- an unlinked buyer forms a group of one
members as (
  select p.as_of, p.request_id, p.buyer_id, p.requested_at, coalesce(m.buyer_id, p.buyer_id) as member_id
  from placed as p
  left join groups as m on m.as_of = p.group_as_of and m.group_id = p.group_id
),

final as (
  select
    m.as_of,
    m.request_id,
    count(distinct m.member_id)::integer as group_size,
    (count(distinct m.member_id) filter (where m.member_id <> m.buyer_id and c.confirmed_at < m.requested_at))::integer
      as group_confirmed_abusers,
    bool_or(m.member_id = m.buyer_id and c.confirmed_at < m.requested_at) as buyer_confirmed
  from members as m
  left join confirmed as c on c.buyer_id = m.member_id
  group by m.as_of, m.request_id
)

select * from final
