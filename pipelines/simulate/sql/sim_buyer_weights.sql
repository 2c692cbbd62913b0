-- The bootstrap's Poisson(1) weight of each buyer of sim_cells in replicates 1..$replicates, one digit per replicate in a string
-- (bk: the buyer's index in buyer_id order, from 0).
-- A weight is drawn by inverse CDF from a uniform hashed from (seed, buyer, replicate): seeded and free of row order.
with
buyers as (select distinct buyer_id from sim_cells),
keyed as (select buyer_id, row_number() over (order by buyer_id) - 1 as bk from buyers),
uniforms as (
  select bk, buyer_id, list_transform(range(1, $replicates + 1), r -> (hash($seed, buyer_id, r) % 4294967296) / 4294967296.0) as u
  from keyed
),
final as (
  select
    bk, buyer_id,
    array_to_string(list_transform(u, u -> case
      when u < 0.36787944 then 0 when u < 0.73575888 then 1 when u < 0.91969860 then 2
      when u < 0.98101184 then 3 when u < 0.99634015 then 4 when u < 0.99940582 then 5
      when u < 0.99991676 then 6 else 7
    end), '') as weights
  from uniforms
)
select * from final
