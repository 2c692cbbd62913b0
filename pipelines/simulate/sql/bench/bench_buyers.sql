-- Bench data: $buyers buyers registered over two years, 3% of them confirmed abusers (investigations), weekly risk scores.
select
  'B' || i as buyer_id,
  timestamp '2024-11-01' + to_days(cast(hash(i, 'reg') % 730 as integer)) as registered_at,
  (hash(i, 'abuser') % 100) < 3 as abuser
from range($buyers) t(i)
