-- Contract table buyers from the generator's work tables (already in id order, so no sort here).
with buyers as (
  select * from w_buyers
),
final as (
  select
    printf('b%07d', b) as buyer_id,
    tl_ts(registered_s) as registered_at,
    region
  from buyers
)
select * from final
