-- Stand-in for gov_merchant_trust before the score stage has ever run: no merchant has a trust score yet.
with final as (
  select
    null::varchar as merchant_id,
    null::double as trust
  where false
)

select * from final
