-- Refund requests made in the 7 days before each of $dates: the rows each week of request features will hold.
with dates as (
  select unnest($dates::date[]) as as_of
),

requests as (
  select requested_at from refund_requests
),

final as (
  select
    strftime(d.as_of, '%Y-%m-%d') as as_of,
    count(r.requested_at) as requests
  from dates as d
  left join requests as r
    on r.requested_at >= d.as_of::timestamp - interval 7 day
    and r.requested_at < d.as_of::timestamp
  group by d.as_of
)

select * from final
