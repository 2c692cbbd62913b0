-- The compensation ledger's rows of $as_of: what each merchant bore in refund-only money to abusers that week, and so far.
with ledger as (
  select * from merchant_compensation
),

merchants as (
  select * from merchants
),

final as (
  select
    l.merchant_id,
    coalesce(m.name, l.merchant_id) as name,
    coalesce(m.main_category, 'other') as category,
    l.confirmed_amount,
    l.confirmed_requests,
    l.confirmed_request_ids,
    l.expected_amount,
    l.expected_requests,
    l.expected_request_ids,
    l.cumulative_confirmed,
    l.cumulative_expected
  from ledger as l
  left join merchants as m using (merchant_id)
  where l.as_of = cast($as_of as date)
)

select * from final order by confirmed_amount desc, expected_amount desc, merchant_id
