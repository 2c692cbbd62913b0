-- Pick groups with their ticket counts: an order draws a ticket in [0, n_tickets) of its group.
create or replace table w_merchant_pick_groups as
with tickets as (
  select grp, cat, gid, ticket from w_merchant_pick
),
final as (
  select grp, cat, gid, max(ticket) + 1 as n_tickets from tickets group by grp, cat, gid
)
select * from final
