-- The newest load batch: a request week built now has read every row delivered up to it.
select max(batch_id)::integer as batch_id
from load_batches
