-- Every compensation ledger row up to $as_of, newest week first: the ledger as exported for finance.
with ledger as (
  select * from merchant_compensation
),

merchants as (
  select * from merchants
),

final as (
  select
    strftime(l.as_of, '%Y-%m-%d') as as_of,
    l.merchant_id,
    coalesce(m.name, l.merchant_id) as name,
    l.confirmed_amount,
    l.confirmed_requests,
    l.confirmed_request_ids,
    l.expected_amount,
    l.expected_requests,
    l.expected_request_ids,
    l.cumulative_confirmed,
    l.cumulative_expected,
    strftime(l.known_as_of, '%Y-%m-%d') as known_as_of
  from ledger as l
  left join merchants as m using (merchant_id)
  where l.as_of <= cast($as_of as date)
)

select * from final order by as_of desc, confirmed_amount desc, merchant_id
