-- Records each week of request_weeks as just written to feat_request_history: the code's fingerprint, the newest load
-- batch, the digest of the history dates it read (req_week_inputs) and its rows.
insert into feat_request_weeks
select
  i.as_of,
  $fingerprint as fingerprint,
  $batch::integer as batch_id,
  i.inputs,
  (select count(*) from feat_request_history as h where h.as_of = i.as_of) as request_rows
from req_week_inputs as i
