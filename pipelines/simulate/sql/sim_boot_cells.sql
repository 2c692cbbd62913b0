-- The bootstrap's input, one row per sim_cells row: buyer index, cell index and the interval metrics as whole numbers in
-- doubles.
-- Only the headline metrics get intervals; the others (counts by action) keep lo/hi null. Counts are whole already.
-- Money (DECIMAL(38, 10)) is split into whole numbers of 1e-4 (__hi, the value rounded through a double) and of 1e-10
-- (__lo, the exact decimal remainder, small enough to pass through a double exactly): weighted sums of whole doubles
-- below 2^53 are exact in any order, and sim_replicate_cells.sql puts the decimals back together exactly. (Scaling the
-- decimal by 1e10 to a hugeint would be exact too, at several times the cost.) __hi / 10000 casts back to exactly
-- __hi × 1e-4 for every __hi below 2^50, and sumReplicates.ts stops a run whose weighted sums could reach 2^50.
with
cells as (select * from sim_cells),
buyers as (select bk, buyer_id from sim_buyer_weights),
keys as (select * from sim_cell_keys),
keyed as (
  select
    cast(b.bk as integer) as bk, cast(k.cid as integer) as cid,
    cast(columns([
      'requests', 'honest_requests', 'honest_burdened', 'new_buyer_requests', 'new_buyer_burdened', 'reviewed', 'overflowed'
    ]) as double),
    abusive_amount_stopped_confirmed, round(abusive_amount_stopped_confirmed::double * 10000) as abusive_amount_stopped_confirmed__hi,
    abusive_amount_paid_confirmed, round(abusive_amount_paid_confirmed::double * 10000) as abusive_amount_paid_confirmed__hi,
    abusive_amount_stopped_expected, round(abusive_amount_stopped_expected::double * 10000) as abusive_amount_stopped_expected__hi,
    merchant_loss, round(merchant_loss::double * 10000) as merchant_loss__hi,
    compensation_cost, round(compensation_cost::double * 10000) as compensation_cost__hi,
    platform_cost, round(platform_cost::double * 10000) as platform_cost__hi,
    honest_buyer_cost, round(honest_buyer_cost::double * 10000) as honest_buyer_cost__hi
  from cells as c
  join buyers as b using (buyer_id)
  join keys as k using (scenario, category, merchant_tier)
),
final as (
  select
    bk, cid,
    requests, honest_requests, honest_burdened, new_buyer_requests, new_buyer_burdened, reviewed, overflowed,
    abusive_amount_stopped_confirmed__hi,
    round((abusive_amount_stopped_confirmed - cast(abusive_amount_stopped_confirmed__hi / 10000 as decimal(38, 4)))::double * 10000000000) as abusive_amount_stopped_confirmed__lo,
    abusive_amount_paid_confirmed__hi,
    round((abusive_amount_paid_confirmed - cast(abusive_amount_paid_confirmed__hi / 10000 as decimal(38, 4)))::double * 10000000000) as abusive_amount_paid_confirmed__lo,
    abusive_amount_stopped_expected__hi,
    round((abusive_amount_stopped_expected - cast(abusive_amount_stopped_expected__hi / 10000 as decimal(38, 4)))::double * 10000000000) as abusive_amount_stopped_expected__lo,
    merchant_loss__hi,
    round((merchant_loss - cast(merchant_loss__hi / 10000 as decimal(38, 4)))::double * 10000000000) as merchant_loss__lo,
    compensation_cost__hi,
    round((compensation_cost - cast(compensation_cost__hi / 10000 as decimal(38, 4)))::double * 10000000000) as compensation_cost__lo,
    platform_cost__hi,
    round((platform_cost - cast(platform_cost__hi / 10000 as decimal(38, 4)))::double * 10000000000) as platform_cost__lo,
    honest_buyer_cost__hi,
    round((honest_buyer_cost - cast(honest_buyer_cost__hi / 10000 as decimal(38, 4)))::double * 10000000000) as honest_buyer_cost__lo
  from keyed
)
select * from final
