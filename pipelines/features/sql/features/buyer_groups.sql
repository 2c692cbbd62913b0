-- Linked-account groups at each date for the risk queue: one row per account in a group of two or more.
with grouped as (
  select * from int_buyers_grouped
),

final as (
  select
    as_of,
    group_id,
    buyer_id,
    group_size
  from grouped
)

select * from final
