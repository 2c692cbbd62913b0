-- Contract table merchants from the generator's work tables (already in id order, so no sort here).
with merchants as (
  select * from w_merchants
),
final as (
  select
    printf('m%05d', m) as merchant_id,
    name,
    main_category,
    null::varchar as main_category_source,
    tl_ts(opened_s) as opened_at,
    region
  from merchants
)
select * from final
