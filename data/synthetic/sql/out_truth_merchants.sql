-- Ground truth per merchant: archetype, whether it is a problem merchant, how severe, and since when.
with merchants as (
  select * from w_merchants
),
final as (
  select
    printf('m%05d', m) as merchant_id,
    archetype,
    is_problem,
    round(severity, 3) as severity,
    tl_ts(since_s) as problem_since
  from merchants
)
select * from final
