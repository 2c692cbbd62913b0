-- Edges of the account-linking graph: buyer and shared device, address or payment key, both numbered densely for the
-- connected-components search.
with orders as (
  select * from stg_orders
),

-- the key type stays beside the hash so an equal device and address hash never link
buyer_keys as materialized (
  select distinct buyer_id, 1::tinyint as key_type, device_key as key_hash from orders where device_key is not null
  union all
  select distinct buyer_id, 2::tinyint, address_key from orders where address_key is not null
  union all
  select distinct buyer_id, 3::tinyint, payment_key from orders where payment_key is not null
),

-- a key seen on one account links nothing; a key on very many (a pickup locker, a shared office
-- terminal) would glue unrelated people into one group, so it is left out
linking_keys as (
  select key_type, key_hash
  from buyer_keys
  group by key_type, key_hash
  having count(*) between 2 and $max_accounts_per_key
),

edges as materialized (
  select k.buyer_id, k.key_type, k.key_hash
  from buyer_keys as k
  semi join linking_keys as l on l.key_type = k.key_type and l.key_hash = k.key_hash
),

buyer_numbers as (
  select buyer_id, (row_number() over (order by buyer_id))::integer as buyer_number
  from (select distinct buyer_id from edges)
),

key_numbers as (
  select key_type, key_hash, (row_number() over (order by key_type, key_hash))::integer as key_number
  from (select distinct key_type, key_hash from edges)
),

final as (
  select
    bn.buyer_number,
    kn.key_number,
    e.buyer_id
  from edges as e
  inner join buyer_numbers as bn on bn.buyer_id = e.buyer_id
  inner join key_numbers as kn on kn.key_type = e.key_type and kn.key_hash = e.key_hash
)

select * from final
