-- Edges of the account-linking graph at each date: buyer and shared device, address or payment key, both numbered
-- densely for the connected-components search (across dates, so each date's graph is its own set of components).
-- guest checkouts (no buyer id) link no account; not materialized: each key's branch scans only its columns of
-- stg_orders, where a copy of every order (the optimizer's choice for a CTE read three times) cost twice the model
with orders as not materialized (
  select * from stg_orders where buyer_id is not null
),

-- the key type stays beside the hash so an equal device and address hash never link
buyer_keys as materialized (
  select distinct as_of, buyer_id, 1::tinyint as key_type, device_key as key_hash
  from orders where device_key is not null
  union all
  select distinct as_of, buyer_id, 2::tinyint, address_key from orders where address_key is not null
  union all
  select distinct as_of, buyer_id, 3::tinyint, payment_key from orders where payment_key is not null
),

-- a key seen on one account links nothing; a key on very many (a pickup locker, a shared office
-- terminal) would glue unrelated people into one group, so it is left out
linking_keys as (
  select as_of, key_type, key_hash
  from buyer_keys
  group by as_of, key_type, key_hash
  having count(*) between 2 and $max_accounts_per_key
),

edges as materialized (
  select k.as_of, k.buyer_id, k.key_type, k.key_hash
  from buyer_keys as k
  semi join linking_keys as l on l.as_of = k.as_of and l.key_type = k.key_type and l.key_hash = k.key_hash
),

-- numbered in id order within each date, so a component's smallest number is its smallest buyer id
buyer_numbers as (
  select as_of, buyer_id, (row_number() over (order by as_of, buyer_id))::integer as buyer_number
  from (select distinct as_of, buyer_id from edges)
),

key_numbers as (
  select as_of, key_type, key_hash, (row_number() over (order by as_of, key_type, key_hash))::integer as key_number
  from (select distinct as_of, key_type, key_hash from edges)
),

final as (
  select
    e.as_of,
    bn.buyer_number,
    kn.key_number,
    e.buyer_id
  from edges as e
  inner join buyer_numbers as bn on bn.as_of = e.as_of and bn.buyer_id = e.buyer_id
  inner join key_numbers as kn on kn.as_of = e.as_of and kn.key_type = e.key_type and kn.key_hash = e.key_hash
)

select * from final
