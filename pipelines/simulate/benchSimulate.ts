// Benchmark: the simulate stage at scale (default 1M refund requests, 5 shipped policies, 200 bootstrap replicates) on generated tables.
import type { Logger } from '../log/Logger.ts';
import { Warehouse } from '../warehouse/Warehouse.ts';
import { loadPolicies } from './policy/loadPolicy.ts';
import { simSql } from './simSql.ts';
import { simulatePolicies } from './simulatePolicies.ts';

export interface SimulateBenchOptions {
  requests?: number;
  buyers?: number;
  merchants?: number;
  bootstrap?: number;
  /** Warehouse file for the bench tables; ':memory:' by default. */
  path?: string;
  log?: Logger;
}

export interface SimulateBenchRow {
  requests: number;
  buyers: number;
  scenarios: number;
  bootstrap: number;
  setupSeconds: number;
  simulateSeconds: number;
}

const POLICIES = ['status-quo', 'no-refund-only', 'risk-gated', 'trust-aware', 'hybrid'].map((n) => `data/policies/${n}.yaml`);

/** Builds contract-shaped tables plus score history with set-based SQL, then times one simulatePolicies call. */
export async function benchSimulate(options: SimulateBenchOptions = {}): Promise<SimulateBenchRow[]> {
  const requests = options.requests ?? 1_000_000;
  const buyers = options.buyers ?? 200_000;
  const merchants = options.merchants ?? 5_000;
  const bootstrap = options.bootstrap ?? 200;
  const wh = await Warehouse.open({ path: options.path ?? ':memory:' });
  try {
    const t0 = performance.now();
    await wh.run(`create or replace table bench_buyers as ${simSql('bench/bench_buyers')}`, { buyers });
    await wh.run(`create or replace table bench_requests as ${simSql('bench/bench_requests')}`, { requests, buyers, merchants });
    // Shape the generated rows like the contract tables the simulator reads.
    await wh.run('create or replace table buyers as select buyer_id, registered_at, null::varchar as region from bench_buyers');
    await wh.run(
      "create or replace table investigations as select 'C' || buyer_id as case_id, buyer_id, null::varchar as request_id, " +
        "timestamp '2026-08-01' as opened_at, timestamp '2026-09-01' as closed_at, 'confirmed_abuse' as verdict from bench_buyers where abuser",
    );
    await wh.run(
      'create or replace table orders as select order_id, buyer_id, merchant_id, category, amount, requested_at - interval 5 day as created_at, ' +
        'requested_at - interval 2 day as delivered_at from bench_requests',
    );
    await wh.run(
      'create or replace table refund_requests as select request_id, order_id, requested_at, kind, reason, amount, status, ' +
        'case when resp_draw < 8 then requested_at + to_hours(cast(resp_draw * 8 as bigint)) end as merchant_responded_at, ' +
        "requested_at + interval 1 day as decided_at, 'merchant' as decided_by, escalated, " +
        "case when kind = 'return_and_refund' and status = 'approved' then requested_at + interval 4 day end as returned_at from bench_requests",
    );
    await wh.run(
      "create or replace table score_buyer_history as select timestamp '2026-08-03' + to_days(7 * w) as as_of, buyer_id, " +
        "case when abuser then 0.4 + (hash(buyer_id, w) % 60) / 100.0 else (hash(buyer_id, w) % 40) / 100.0 end as risk, 'normal' as tier " +
        'from bench_buyers, range(13) r(w)',
    );
    await wh.run(
      "create or replace table score_merchant_history as select timestamp '2026-08-03' + to_days(7 * w) as as_of, 'M' || m as merchant_id, " +
        "(hash(m, w) % 100) * 1.0 as trust, ['top-rated', 'standard', 'watch', 'at-risk'][1 + cast(hash(m, 'tier') % 4 as integer)] as tier " +
        'from range($merchants) t(m), range(13) r(w)',
      { merchants },
    );
    const setupSeconds = (performance.now() - t0) / 1000;
    const t1 = performance.now();
    const policies = loadPolicies(POLICIES);
    await simulatePolicies(wh, { asOf: '2026-11-02', weeks: 12, policies, bootstrap, seed: 1, log: options.log });
    const simulateSeconds = (performance.now() - t1) / 1000;
    return [{ requests, buyers, scenarios: policies.length, bootstrap, setupSeconds, simulateSeconds }];
  } finally {
    wh.close();
  }
}
