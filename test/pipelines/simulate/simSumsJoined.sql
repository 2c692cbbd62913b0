-- Reference for simSums.test.ts: sim_sums.sql as it was before sumReplicates.ts summed the replicates (one join of cells and weights).
-- Replicates are summed per (category, merchant tier) cell first and rolled up afterwards, so the buyers x replicates join is aggregated once.
with
cells as (select * from sim_cells),
-- Integer buyer keys make the buyers x replicates join cheap.
buyer_keys as (select buyer_id, row_number() over (order by buyer_id) as bk from (select distinct buyer_id from cells)),
keyed_cells as (select k.bk, c.* exclude (buyer_id) from cells c join buyer_keys k using (buyer_id)),
point as (
  select
    scenario,
    case
      when grouping(category) = 0 then 'category=' || category
      when grouping(merchant_tier) = 0 then 'merchant_tier=' || merchant_tier
      else 'overall'
    end as segment,
    0 as r,
    cast(sum(columns(* exclude (scenario, buyer_id, category, merchant_tier))) as double)
  from cells
  group by grouping sets ((scenario), (scenario, category), (scenario, merchant_tier))
),
weights as (
  select r, bk, w from (
    select r, bk,
      -- Poisson(1) by inverse CDF of a uniform drawn from a hash of (seed, buyer, replicate): seeded and order-free.
      case
        when u < 0.36787944 then 0 when u < 0.73575888 then 1 when u < 0.91969860 then 2
        when u < 0.98101184 then 3 when u < 0.99634015 then 4 when u < 0.99940582 then 5
        when u < 0.99991676 then 6 else 7
      end as w
    from (
      select rep.range as r, b.bk, (hash($seed, b.buyer_id, rep.range) % 4294967296) / 4294967296.0 as u
      from buyer_keys b cross join range(1, $replicates + 1) rep
    )
  ) where w > 0
),
replicate_cells as (
  select c.scenario, c.category, c.merchant_tier, w.r,
    -- Only the headline metrics get intervals; the others (counts by action) keep lo/hi null.
    -- Sums must not depend on the order threads add them in (runs give the same bytes). Counts as doubles: whole
    -- numbers below 2^53 add exactly in any order, at a third of the cost of 128-bit decimals (1M orders: 6.5 s vs
    -- 11 s CPU). Money as decimals: exact.
    sum(w.w * cast(columns([
      'requests', 'honest_requests', 'honest_burdened', 'new_buyer_requests', 'new_buyer_burdened', 'reviewed', 'overflowed'
    ]) as double)),
    sum(w.w * cast(columns([
      'abusive_amount_stopped_confirmed', 'abusive_amount_paid_confirmed', 'abusive_amount_stopped_expected',
      'merchant_loss', 'compensation_cost', 'platform_cost', 'honest_buyer_cost'
    ]) as DECIMAL(38, 10)))
  from keyed_cells c join weights w using (bk)
  group by c.scenario, c.category, c.merchant_tier, w.r
),
replicates as (
  select
    scenario,
    case
      when grouping(category) = 0 then 'category=' || category
      when grouping(merchant_tier) = 0 then 'merchant_tier=' || merchant_tier
      else 'overall'
    end as segment,
    r,
    cast(sum(columns(* exclude (scenario, category, merchant_tier, r))) as double)
  from replicate_cells
  group by grouping sets ((scenario, r), (scenario, category, r), (scenario, merchant_tier, r))
),
final as (
  select * from point
  union all by name
  select * from replicates
)
select * from final
