-- Contract table service_tickets from the generator's work tables (already in id order, so no sort here).
with tickets as (
  select * from w_tickets
),
final as (
  select
    printf('t%09d', t) as ticket_id,
    printf('m%05d', m) as merchant_id,
    case when o is not null then printf('o%09d', o) end as order_id,
    case when b is not null then printf('b%07d', b) end as buyer_id,
    tl_ts(opened_s) as opened_at,
    tl_ts(first_response_s) as first_response_at,
    tl_ts(resolved_s) as resolved_at,
    resolved,
    satisfaction::TINYINT as satisfaction,
    attitude_complaint
  from tickets
)
select * from final
