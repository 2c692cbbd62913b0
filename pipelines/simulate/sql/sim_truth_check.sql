-- Ground-truth check per scenario: share of truly abusive refund-only money status-quo pays out that the scenario stops, and honest requests burdened.
-- Expects sim_outcomes replayed with abusive = the generator's per-request truth, and a status-quo scenario among them.
with
outcomes as (select * from sim_outcomes),
baseline as (select request_id, kept_paid as sq_kept_paid, burdened as sq_burdened from outcomes where scenario = $baseline),
joined as (
  select o.*, b.sq_kept_paid, b.sq_burdened
  from outcomes o join baseline b using (request_id)
),
final as (
  select
    scenario,
    cast(coalesce(sum(sq_kept_paid) filter (where abusive and kind = 'refund_only'), 0) as double) as abusive_refund_only_paid_status_quo,
    cast(coalesce(sum(kept_paid) filter (where abusive and kind = 'refund_only'), 0) as double) as abusive_refund_only_paid,
    count(*) filter (where not abusive) as honest_requests,
    count(*) filter (where not abusive and burdened) as honest_burdened,
    count(*) filter (where not abusive and burdened and not sq_burdened) as honest_burdened_added
  from joined
  group by scenario
)
select * from final order by scenario
