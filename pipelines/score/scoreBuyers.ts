// Scores every buyer of a feature snapshot: calibrated risk, tier, expected loss, review-queue rank and reasons.
import { Forest } from '../../models/forest/index.ts';
import { predictCalibrated } from '../../models/score/predictCalibrated.ts';
import type { ArtifactFile } from '../../models/registry/artifactFile.ts';
import { buyerTier, type BuyerTier } from '../../data/vocabulary/tiers.ts';
import type { TrustlensConfig } from '../../data/config/configSchema.ts';
import type { Logger } from '../../data/log/Logger.ts';
import type { Warehouse } from '../../data/warehouse/Warehouse.ts';
import { readSql } from '../../data/warehouse/readSql.ts';
import { loadFeatureColumns } from '../features/loadFeatureColumns.ts';
import { explainRows, featureEntries } from './explainRows.ts';
import { rankQueue, type HandledCase, type QueueSummary } from './rankQueue.ts';

export interface BuyerScore {
  buyer_id: string;
  risk: number;
  tier: BuyerTier;
  /**
   * Empty outside the queue and the riskiest flagged buyers (see reasonRows): reasons are computed where someone reads
   * them.
   */
  reasons: string[];
  refund_only_amount_30d: number;
  /** risk × monthlyRefundOnly (what the queue ranks by). */
  expected_loss: number;
  group_id: string | null;
  /** 1-based rank in this week's review queue, null outside it. */
  queue_rank: number | null;
  /**
   * Already handled (confirmed or under investigation before the date): never queued; ranked in the list apart when
   * above the floors.
   */
  handled: HandledCase | null;
  handled_rank: number | null;
}

export interface ScoredBuyers {
  rows: BuyerScore[];
  /** Null for a replay-only week, which has no queue. */
  queue: QueueSummary | null;
}

/** Buyers with a confirmed verdict or an open case before asOf (queue_handled_buyers.sql). */
export async function handledBuyers(wh: Warehouse, asOf: string): Promise<Map<string, HandledCase>> {
  const rows = await wh.all(readSql(new URL('./sql/queue_handled_buyers.sql', import.meta.url)), { as_of: asOf });
  return new Map(
    rows.map((r) => [
      String(r.buyer_id),
      { handled_as: r.handled_as as HandledCase['handled_as'], since: String(r.since), case_id: String(r.case_id) },
    ]),
  );
}

/**
 * Which buyers get TreeSHAP reasons: the queue plus the riskiest flagged buyers, or the queue only. 'none' is a past
 * week
 * scored only for the policy replay and the next week's features, which read risk and tier alone: no queue, no reasons.
 */
export type ReasonScope = 'flagged' | 'queue' | 'none';

/**
 * Exact TreeSHAP costs milliseconds a row, and flagged buyers grow with the marketplace (thousands at 1M buyers), so
 * reasons go where people read them: the review queue and the riskiest flagged buyers, up to this many review
 * capacities.
 */
export const REASON_LIMIT_PER_CAPACITY = 5;

/**
 * Row indices to explain: every queue row and handled row above the floors, then flagged (non-normal) rows by
 * descending risk up to `limit` in all.
 */
export function reasonRows(
  rows: readonly (Pick<BuyerScore, 'risk' | 'tier' | 'queue_rank' | 'buyer_id'> & { handled_rank?: number | null })[],
  scope: Exclude<ReasonScope, 'none'>,
  limit: number,
): number[] {
  const picked = new Set<number>();
  rows.forEach((r, i) => (r.queue_rank !== null || (r.handled_rank ?? null) !== null) && picked.add(i));
  if (scope === 'flagged') {
    const flagged = rows
      .map((r, i) => i)
      .filter((i) => rows[i]!.tier !== 'normal' && !picked.has(i))
      .sort((a, b) => rows[b]!.risk - rows[a]!.risk || (rows[a]!.buyer_id < rows[b]!.buyer_id ? -1 : 1));
    for (const i of flagged) {
      if (picked.size >= limit) break;
      picked.add(i);
    }
  }
  return [...picked].sort((a, b) => a - b);
}

/**
 * Refund-only money a month: the larger of the last 30 days and the 90-day monthly average, so an abuser who paused
 * this month still carries a loss (risk × the 30 days alone left high-risk buyers with a quiet month out of the queue).
 */
export function monthlyRefundOnly(amount30d: number, amount90d: number): number {
  return Math.max(amount30d, amount90d / 3);
}

/** Features whose value is derived when the export has no registration date (feat_buyer.account_age_basis). */
const DERIVED_AGE_FEATURES = new Set(['account_age_days']);

export async function scoreBuyers(
  wh: Warehouse,
  asOf: string,
  artifact: ArtifactFile,
  config: TrustlensConfig,
  log: Logger,
  scope: ReasonScope = 'flagged',
): Promise<ScoredBuyers> {
  const spec = artifact.spec;
  const forest = Forest.fromJSON(artifact.forest);
  const snap = await loadFeatureColumns(wh, spec, asOf, {
    extra: [
      'f.refund_only_amount_30d::double',
      'f.group_id',
      'f.group_size::integer',
      'f.refund_only_amount_90d::double',
      "f.account_age_basis = 'first order'",
    ],
  });
  const n = snap.ids.length;
  const rules = {
    capacity: config.review.capacity,
    minRisk: config.review.minRisk,
    minExpectedLoss: config.review.minExpectedLoss,
  };
  if (n === 0) return { rows: [], queue: scope === 'none' ? null : rankQueue([], new Map(), rules).summary };
  const columns = spec.features.map((f) => snap.columns.get(f)!);
  const { probability } = await predictCalibrated(forest, artifact, columns, config.training.threads);
  const [amounts, groups, sizes, amounts90, ageDerived] = snap.extra as [
    (number | null)[],
    (string | null)[],
    (number | null)[],
    (number | null)[],
    (boolean | null)[],
  ];
  const rows: BuyerScore[] = snap.ids.map((buyer_id, i) => {
    const risk = probability[i]!;
    const amount = amounts[i] ?? 0;
    return {
      buyer_id,
      risk,
      tier: buyerTier(risk, config.tiers),
      reasons: [],
      refund_only_amount_30d: amount,
      expected_loss: risk * monthlyRefundOnly(amount, amounts90[i] ?? 0),
      group_id: (sizes[i] ?? 1) > 1 ? (groups[i] ?? null) : null,
      queue_rank: null,
      handled: null,
      handled_rank: null,
    };
  });
  if (scope === 'none') return { rows, queue: null };
  const handled = await handledBuyers(wh, asOf);
  const plan = rankQueue(rows, handled, rules);
  for (const [row, rank] of plan.queueRank) rows[row]!.queue_rank = rank;
  for (const [row, rank] of plan.handledRank) rows[row]!.handled_rank = rank;
  for (const r of rows) r.handled = handled.get(r.buyer_id) ?? null;
  const explain = reasonRows(rows, scope, REASON_LIMIT_PER_CAPACITY * config.review.capacity);
  const entries = featureEntries(spec.features, artifact.catalogue);
  const { byRow } = await explainRows(
    forest,
    columns,
    explain,
    entries,
    spec.reasonTemplates,
    spec.notReasons,
    spec.reasonOnlyWhen,
    log,
    'buyer reasons',
    config.training.threads,
  );
  // An account age counted from the first order (no registration date delivered) is an estimate, never a stated fact.
  for (const [row, ex] of byRow)
    rows[row]!.reasons = ex.reasons
      .filter((r) => !(ageDerived[row] && DERIVED_AGE_FEATURES.has(r.feature)))
      .map((r) => r.sentence);
  return { rows, queue: plan.summary };
}
