-- Stand-in for gov_buyer_scores before the score stage has ever run: no buyer has a score yet.
with final as (
  select
    null::varchar as buyer_id,
    null::date as as_of,
    null::double as risk,
    null::varchar as tier,
    null::date as next_as_of
  where false
)

select * from final
