-- Bench data: $requests refund requests over the 12 weeks before 2026-11-02, one order each, spread over $buyers buyers and $merchants merchants.
select
  'R' || i as request_id,
  'O' || i as order_id,
  'B' || (hash(i, 'buyer') % $buyers) as buyer_id,
  'M' || (hash(i, 'merchant') % $merchants) as merchant_id,
  ['fresh_food', 'electronics', 'apparel', 'home', 'beauty', 'grocery', 'other'][1 + cast(hash(i, 'cat') % 7 as integer)] as category,
  cast((hash(i, 'amt') % 50000) / 100.0 + 1 as decimal(18, 2)) as amount,
  timestamp '2026-08-10' + to_seconds(cast(hash(i, 't') % (84 * 86400) as bigint)) as requested_at,
  ['refund_only', 'refund_only', 'return_and_refund', 'exchange'][1 + cast(hash(i, 'kind') % 4 as integer)] as kind,
  ['not_received', 'damaged', 'not_as_described', 'quality', 'wrong_item', 'no_reason_7day', 'other'][1 + cast(hash(i, 'reason') % 7 as integer)] as reason,
  ['approved', 'approved', 'approved', 'rejected', 'withdrawn'][1 + cast(hash(i, 'status') % 5 as integer)] as status,
  hash(i, 'resp') % 10 as resp_draw,
  hash(i, 'esc') % 10 = 0 as escalated
from range($requests) t(i)
