-- The id of the batch about to load: one more than the last one.
select coalesce(max(batch_id), 0) + 1
from load_batches
