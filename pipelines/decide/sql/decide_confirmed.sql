-- When each buyer's first confirmed-abuse verdict closed (a request after it comes from a confirmed abuser).
with cases as (
  select * from investigations
),

final as (
  select buyer_id, epoch_ms(min(closed_at))::double as confirmed_ms
  from cases
  where verdict = 'confirmed_abuse'
  group by buyer_id
)

select * from final
