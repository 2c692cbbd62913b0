// Checks policies against the synthetic marketplace's ground truth: abusive refund-only money stopped vs status-quo,
// honest requests burdened.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../../data/validation/errors.ts';
import { BASELINE_POLICY_FILE, BASELINE_SCENARIO } from '../../data/vocabulary/scenarios.ts';
import type { Logger } from '../../data/log/Logger.ts';
import type { Warehouse } from '../../data/warehouse/Warehouse.ts';
import { buildRequestContext } from './buildRequestContext.ts';
import { loadPolicies } from './policy/loadPolicy.ts';
import { replayPolicy, resetOutcomes, type ReplayablePolicy } from './replayPolicy.ts';
import { readSql } from '../../data/warehouse/readSql.ts';

export interface TruthCheckRow {
  scenario: string;
  abusiveRefundOnlyPaidStatusQuo: number;
  abusiveRefundOnlyPaid: number;
  /**
   * 1 - paid / status-quo paid: the share of truly abusive refund-only money status-quo pays out that this scenario
   * stops.
   */
  shareStopped: number | null;
  honestRequests: number;
  honestBurdened: number;
  honestBurdenedShare: number | null;
  /**
   * Honest requests burdened here but not under status-quo (the burden the policy adds), as a share of honest requests.
   */
  honestBurdenedAddedShare: number | null;
}

export interface EvaluatePoliciesOptions {
  asOf: string;
  weeks: number;
  /** The generated dataset folder or its truth/ folder, holding buyers.<ext> and refund_requests.<ext>. */
  truthDir: string;
  /** Policies to check; a status-quo policy is added when none is named status-quo. */
  policies: readonly ReplayablePolicy[];
  log?: Logger;
  /** Request-risk artifacts (config artifactsDir), for policies using request_risk. */
  artifactsDir?: string;
}

const READERS = {
  parquet: 'read_parquet',
  csv: 'read_csv_auto',
  ndjson: 'read_json_auto',
  json: 'read_json_auto',
} as const;

function findTruthFile(dir: string, table: string): { path: string; reader: string } {
  const base = existsSync(join(dir, 'truth')) ? join(dir, 'truth') : dir;
  for (const [ext, reader] of Object.entries(READERS)) {
    const path = join(base, `${table}.${ext}`);
    if (existsSync(path)) return { path, reader };
  }
  throw new UserError(
    `${base}: no ${table}.parquet, .csv or .ndjson truth file; pass the folder \`trustlens generate\` wrote`,
  );
}

/** The pass rule of the issue: risk-gated stops at least half and burdens under 5% of honest requests. */
export function passesTruthCheck(row: TruthCheckRow): boolean {
  return (row.shareStopped ?? 0) >= 0.5 && (row.honestBurdenedAddedShare ?? 1) < 0.05;
}

/**
 * Issue 17's bar for request-gated on any marketplace (60% stopped, at most 2.5% added burden); the default one must
 * reach 65% / 2%.
 */
export const REQUEST_GATED_BAR = {
  stopped: 0.6,
  addedBurden: 0.025,
  defaultStopped: 0.65,
  defaultAddedBurden: 0.02,
} as const;

export function passesRequestGated(
  row: TruthCheckRow,
  bar: { stopped: number; addedBurden: number } = REQUEST_GATED_BAR,
): boolean {
  return (row.shareStopped ?? 0) >= bar.stopped && (row.honestBurdenedAddedShare ?? 1) <= bar.addedBurden;
}

export async function evaluatePolicies(wh: Warehouse, options: EvaluatePoliciesOptions): Promise<TruthCheckRow[]> {
  const requests = findTruthFile(options.truthDir, 'refund_requests');
  await buildRequestContext(wh, {
    asOf: options.asOf,
    weeks: options.weeks,
    log: options.log,
    artifactsDir: options.artifactsDir,
  });
  // The reader is one of the constants above; the path is bound as a parameter.
  await wh.run(
    `create or replace temp table sim_truth as select cast(request_id as varchar) as request_id, cast(is_abusive as boolean) as is_abusive from ${requests.reader}($path)`,
    {
      path: requests.path,
    },
  );
  await wh.run(
    'update sim_context set abusive = coalesce((select t.is_abusive from sim_truth t where t.request_id = sim_context.request_id), false)',
  );
  const policies = options.policies.some((p) => p.name === BASELINE_SCENARIO)
    ? [...options.policies]
    : [...loadPolicies([BASELINE_POLICY_FILE]), ...options.policies];
  await resetOutcomes(wh);
  for (const p of policies) await replayPolicy(wh, p);
  const rows = await wh.all<{
    scenario: string;
    abusive_refund_only_paid_status_quo: number;
    abusive_refund_only_paid: number;
    honest_requests: bigint;
    honest_burdened: bigint;
    honest_burdened_added: bigint;
  }>(readSql(new URL('./sql/sim_truth_check.sql', import.meta.url)), { baseline: BASELINE_SCENARIO });
  return rows.map((r) => {
    const honest = Number(r.honest_requests);
    const sq = r.abusive_refund_only_paid_status_quo;
    return {
      scenario: r.scenario,
      abusiveRefundOnlyPaidStatusQuo: sq,
      abusiveRefundOnlyPaid: r.abusive_refund_only_paid,
      shareStopped: sq > 0 ? 1 - r.abusive_refund_only_paid / sq : null,
      honestRequests: honest,
      honestBurdened: Number(r.honest_burdened),
      honestBurdenedShare: honest > 0 ? Number(r.honest_burdened) / honest : null,
      honestBurdenedAddedShare: honest > 0 ? Number(r.honest_burdened_added) / honest : null,
    };
  });
}
