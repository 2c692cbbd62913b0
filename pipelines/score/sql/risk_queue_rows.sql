-- This week's review queue: ranked buyers with their linked-account group, its other members and its confirmed abusers.
with scored as (
  select * from score_buyer__build
),

groups as (
  select group_id, buyer_id from buyer_groups where as_of = $as_of::date
),

-- verdicts known at as_of only: a case still open is not counted
confirmed as (
  select distinct buyer_id from investigations
  where verdict = 'confirmed_abuse' and closed_at < $as_of::timestamp
),

queued as (
  select * from scored where queue_rank is not null
),

group_stats as (
  select
    q.buyer_id,
    count(*) as group_size,
    coalesce(list(m.buyer_id order by m.buyer_id) filter (where m.buyer_id <> q.buyer_id), []) as group_members,
    count(c.buyer_id) as group_confirmed_abusers
  from queued as q
  inner join groups as g on g.buyer_id = q.buyer_id
  inner join groups as m on m.group_id = g.group_id
  left join confirmed as c on c.buyer_id = m.buyer_id
  group by q.buyer_id
),

final as (
  select
    $as_of::date as as_of,
    q.queue_rank::integer as rank,
    q.buyer_id,
    q.risk,
    q.tier,
    q.expected_loss,
    q.refund_only_amount_30d,
    q.reasons,
    q.group_id,
    coalesce(s.group_size, 1)::integer as group_size,
    coalesce(s.group_members, [])::varchar[] as group_members,
    -- the whole group, the queued buyer included (an unlinked buyer counts only itself)
    coalesce(s.group_confirmed_abusers, case when c.buyer_id is not null then 1 else 0 end)::integer as group_confirmed_abusers
  from queued as q
  left join group_stats as s on s.buyer_id = q.buyer_id
  left join confirmed as c on c.buyer_id = q.buyer_id
)

select * from final
