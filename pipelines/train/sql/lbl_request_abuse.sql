-- Request-risk labels of the request week $snapshot, as known on $as_of: requests of buyers with a confirmed case closed before
-- $as_of and opened within $horizon_days after the request (a case about much later behaviour does not label it).
with requests as (
  select request_id, buyer_id, requested_at from feat_request_history where as_of = $snapshot::date
),

cases as (
  select * from investigations
),

final as (
  select r.request_id
  from requests as r
  inner join cases as c on c.buyer_id = r.buyer_id
  where c.verdict = 'confirmed_abuse'
    and c.closed_at < $as_of::timestamp
    and c.opened_at < r.requested_at + to_days($horizon_days::integer)
  group by r.request_id
)

select * from final
