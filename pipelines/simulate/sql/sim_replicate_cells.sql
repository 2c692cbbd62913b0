-- Replicate sums per (scenario, category, merchant tier) cell from the bootstrap's whole-number sums (sim_replicate_slots):
-- counts as they are, money put back together as exact DECIMAL(38, 10) (__hi in 1e-4, __lo in 1e-10).
with
slots as (select * from sim_replicate_slots),
keys as (select * from sim_cell_keys),
final as (
  select
    k.scenario, k.category, k.merchant_tier, s.r,
    requests, honest_requests, honest_burdened, new_buyer_requests, new_buyer_burdened, reviewed, overflowed,
    cast(abusive_amount_stopped_confirmed__hi as decimal(38, 0)) * 0.0001
      + cast(abusive_amount_stopped_confirmed__lo as decimal(38, 0)) * 0.0000000001 as abusive_amount_stopped_confirmed,
    cast(abusive_amount_paid_confirmed__hi as decimal(38, 0)) * 0.0001
      + cast(abusive_amount_paid_confirmed__lo as decimal(38, 0)) * 0.0000000001 as abusive_amount_paid_confirmed,
    cast(abusive_amount_stopped_expected__hi as decimal(38, 0)) * 0.0001
      + cast(abusive_amount_stopped_expected__lo as decimal(38, 0)) * 0.0000000001 as abusive_amount_stopped_expected,
    cast(merchant_loss__hi as decimal(38, 0)) * 0.0001
      + cast(merchant_loss__lo as decimal(38, 0)) * 0.0000000001 as merchant_loss,
    cast(compensation_cost__hi as decimal(38, 0)) * 0.0001
      + cast(compensation_cost__lo as decimal(38, 0)) * 0.0000000001 as compensation_cost,
    cast(platform_cost__hi as decimal(38, 0)) * 0.0001
      + cast(platform_cost__lo as decimal(38, 0)) * 0.0000000001 as platform_cost,
    cast(honest_buyer_cost__hi as decimal(38, 0)) * 0.0001
      + cast(honest_buyer_cost__lo as decimal(38, 0)) * 0.0000000001 as honest_buyer_cost
  from slots as s
  join keys as k using (cid)
)
select * from final
