// The simulate stage: replays each policy on the window's refund requests, bootstraps intervals, stores sim_results.
import type { Logger } from '../../data/log/Logger.ts';
import type { Warehouse } from '../../data/warehouse/Warehouse.ts';
import { buildRequestContext, type ContextSummary } from './buildRequestContext.ts';
import { replayPolicy, resetOutcomes, type ReplayablePolicy } from './replayPolicy.ts';
import type { SimResultRow } from '../../data/warehouse/tables/simResultRow.ts';
import { readSql } from '../../data/warehouse/readSql.ts';
import { sumReplicates } from './sumReplicates.ts';
import { writeSimResults } from './writeSimResults.ts';

export interface SimulateOptions {
  asOf: string;
  weeks: number;
  policies: readonly ReplayablePolicy[];
  /** Bootstrap replicates; 0 skips the intervals (lo/hi null). */
  bootstrap: number;
  seed: number;
  log?: Logger;
  /** Store in sim_results (default true). */
  store?: boolean;
  /**
   * Request-risk artifacts for the request_risk condition field (config artifactsDir); absent: request_risk is unknown.
   */
  artifactsDir?: string;
  /** Threads adding the bootstrap's sums (config training.threads; default 1): the results are the same for any. */
  threads?: number;
}

export interface SimulateResult {
  context: ContextSummary;
  rows: SimResultRow[];
}

async function step<T>(log: Logger | undefined, name: string, fn: () => Promise<T>): Promise<T> {
  return log ? log.step(name, fn) : fn();
}

/** Builds sim_new_results from sim_outcomes: bootstrapped metrics, medians and the review capacity of each policy. */
async function computeResults(wh: Warehouse, options: SimulateOptions): Promise<void> {
  await wh.run(`create or replace temp table sim_cells as ${readSql(new URL('./sql/sim_cells.sql', import.meta.url))}`);
  await sumReplicates(wh, { replicates: options.bootstrap, seed: options.seed, threads: options.threads });
  await wh.run(`create or replace temp table sim_sums as ${readSql(new URL('./sql/sim_sums.sql', import.meta.url))}`);
  await wh.run(
    `create or replace temp table sim_new_results as ${readSql(new URL('./sql/sim_metrics.sql', import.meta.url))}`,
    { weeks: options.weeks },
  );
  await wh.run(`insert into sim_new_results ${readSql(new URL('./sql/sim_median_days.sql', import.meta.url))}`);
  for (const p of options.policies) {
    const capacity = p.settings.reviewCapacityPerWeek;
    // An uncapped policy writes no review_capacity row: absent means no limit.
    if (capacity === undefined) continue;
    await wh.run(
      "insert into sim_new_results values ($scenario, 'overall', 'review_capacity', $capacity, null, null)",
      { scenario: p.name, capacity },
    );
  }
}

export async function simulatePolicies(wh: Warehouse, options: SimulateOptions): Promise<SimulateResult> {
  const { log } = options;
  const context = await step(log, `request context (${options.weeks} weeks to ${options.asOf})`, () =>
    buildRequestContext(wh, options),
  );
  log?.detail(`${context.requests} requests from ${context.windowStart}, ${context.unscored} without a buyer score`);
  await resetOutcomes(wh);
  for (const [i, policy] of options.policies.entries()) {
    await step(log, `replay ${policy.name}`, () => replayPolicy(wh, policy));
    log?.progress('replay policies', i + 1, options.policies.length);
  }
  await step(log, `metrics with ${options.bootstrap} bootstrap replicates`, () => computeResults(wh, options));
  if (options.store !== false) await step(log, 'store sim_results', () => writeSimResults(wh, options.asOf));
  const rows = await wh.all<SimResultRow>(
    'select scenario, segment, metric, value, lo, hi from sim_new_results order by scenario, segment, metric',
  );
  return { context, rows };
}
