-- Stand-in for stg_score_buyer_history before the score stage has ever run: no buyer has a tier yet.
with final as (
  select
    null::date as as_of,
    null::varchar as buyer_id,
    null::varchar as tier,
    null::date as scored_as_of
  where false
)

select * from final
