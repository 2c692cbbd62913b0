-- Each week of request_weeks as feat_request_history holds it: the bookkeeping of the build that wrote it (null: none,
-- or a version without it), the digest of the history dates it would read today, and the rows it holds now.
with weeks as (
  select * from request_weeks
),

inputs as (
  select * from req_week_inputs
),

kept as (
  select * from feat_request_weeks
),

present as (
  select as_of, count(*) as present_rows
  from feat_request_history
  where as_of between (select min(as_of) from weeks) and (select max(as_of) from weeks)
  group by as_of
),

final as (
  select
    strftime(w.as_of, '%Y-%m-%d') as as_of,
    k.fingerprint,
    k.batch_id,
    k.inputs as stored_inputs,
    i.inputs,
    k.request_rows as stored_rows,
    coalesce(p.present_rows, 0) as present_rows
  from weeks as w
  inner join inputs as i using (as_of)
  left join kept as k using (as_of)
  left join present as p using (as_of)
  order by w.as_of
)

select * from final
