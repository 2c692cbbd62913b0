-- Contract table investigations from the generator's work tables (already in id order, so no sort here).
with investigations as (
  select * from w_investigations
),
final as (
  select
    printf('c%07d', c) as case_id,
    printf('b%07d', b) as buyer_id,
    case when r is not null then printf('r%08d', r) end as request_id,
    tl_ts(opened_s) as opened_at,
    tl_ts(closed_s) as closed_at,
    verdict
  from investigations
)
select * from final
