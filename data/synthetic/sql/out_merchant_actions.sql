-- Contract table merchant_actions from the generator's work tables (already in id order, so no sort here).
with actions as (
  select * from w_actions
),
final as (
  select
    printf('a%07d', a) as action_id,
    printf('m%05d', m) as merchant_id,
    tl_ts(taken_s) as taken_at,
    action,
    reason
  from actions
)
select * from final
