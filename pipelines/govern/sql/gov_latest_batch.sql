-- The newest load batch: a scorecard week computed now has read every row delivered up to it.
select max(batch_id)::integer as batch_id
from load_batches
