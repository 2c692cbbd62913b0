-- Ground truth per refund request: whether an abuser's behaviour produced it, and which pattern.
with requests as (
  select * from w_requests
),
final as (
  select
    printf('r%08d', r) as request_id,
    is_abusive,
    abuse_pattern
  from requests
)
select * from final
