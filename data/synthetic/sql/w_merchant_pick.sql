-- Merchant pick tickets: per pick group (category, problem shops, abuser-targeted shops) each shop holds tickets in proportion
-- to its popularity (at least one), so an order picks its shop with an equality join on a ticket number.
create or replace table w_merchant_pick as
with merchants as (
  select m, archetype, is_problem, main_category, weight from w_merchants
),
keys as (
  select 'cat' as grp, category as cat, ord as gid from w_categories
  union all select 'problem', '*', 100
  union all select 'target', '*', 101
),
members as (
  select k.grp, k.cat, k.gid, m.m, m.weight
  from keys k
  join merchants m
    on (k.grp = 'cat' and m.main_category = k.cat)
    or (k.grp = 'problem' and m.is_problem)
    or (k.grp = 'target' and m.archetype = 'abuser_target')
),
-- a group with no member (tiny marketplaces) falls back to every merchant
fallback as (
  select k.grp, k.cat, k.gid, m.m, m.weight
  from keys k
  cross join merchants m
  where not exists (select 1 from members x where x.gid = k.gid)
),
all_members as (
  select * from members
  union all
  select * from fallback
),
ticketed as (
  select
    *,
    greatest(1, round(20 * weight * count(*) over (partition by gid) / sum(weight) over (partition by gid)))::BIGINT as tickets
  from all_members
),
ranged as (
  select
    *,
    coalesce(sum(tickets) over (partition by gid order by m rows between unbounded preceding and 1 preceding), 0)::BIGINT as first_ticket
  from ticketed
),
final as (
  select grp, cat, gid, m, unnest(range(first_ticket, first_ticket + tickets)) as ticket from ranged
)
select * from final
