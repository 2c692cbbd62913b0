// Whether a model can learn from this warehouse as of a date: history long enough for its snapshots, and labels among
// them.
import { listValue, type DuckDBValue } from '@duckdb/node-api';
import { SERIOUS_ACTIONS } from '../../data/contracts/index.ts';
import type { TrustlensConfig } from '../../data/config/configSchema.ts';
import { daysBetween } from '../../data/time/isoDate.ts';
import { createKnownRowsMacros } from '../../data/warehouse/knownRows.ts';
import type { Warehouse } from '../../data/warehouse/Warehouse.ts';
import { readSql } from '../../data/warehouse/readSql.ts';
import type { ModelSpec } from '../../models/specs/modelSpec.ts';
import type { SnapshotPlan } from '../../models/train/planSnapshots.ts';

/**
 * Weeks of history a model needs before a training date: to train at all (its newest training snapshot has data) and on
 * every snapshot.
 */
export interface HistoryNeed {
  minWeeks: number;
  fullWeeks: number;
}

export function historyNeed(plan: SnapshotPlan, asOf: string): HistoryNeed {
  const weeksBack = (d: string) => Math.ceil(daysBetween(d, asOf) / 7) + 1;
  return { minWeeks: weeksBack(plan.training.at(-1)!), fullWeeks: weeksBack(plan.training[0]!) };
}

/** The warehouse's first order date (YYYY-MM-DD), null when it has none. */
export async function historyStart(wh: Warehouse): Promise<string | null> {
  if (!(await wh.tableExists('orders'))) return null;
  return wh.scalar<string | null>(readSql(new URL('./sql/history_start.sql', import.meta.url)));
}

function labelWords(spec: ModelSpec, config: TrustlensConfig): string {
  return spec.entity !== 'merchant'
    ? `investigations closed with verdict confirmed_abuse (opened within ${Number(spec.labelHorizonDays)} days after a snapshot)`
    : `serious actions (${SERIOUS_ACTIONS.join(', ')}) within ${config.labels.merchantHorizonDays} days after a snapshot`;
}

/**
 * Null when the model can be fitted as of `asOf` as far as can be told before building snapshots; otherwise what it
 * needs and what was found (NotEnoughLabels' explanation). Cheap: two counts, no feature build.
 */
export async function labelShortfall(
  wh: Warehouse,
  spec: ModelSpec,
  asOf: string,
  plan: SnapshotPlan,
  config: TrustlensConfig,
): Promise<string | null> {
  const window = `weekly snapshots ${plan.training[0]} … ${plan.validation.at(-1)} (the newest ${plan.validation.length} held out)`;
  const needs = `it learns from ${labelWords(spec, config)} known before ${asOf}, over ${window}`;
  const start = await historyStart(wh);
  const need = historyNeed(plan, asOf);
  // No orders table (features built elsewhere, as in tests) says nothing about the history: the label count decides.
  if (start !== null && start >= plan.training.at(-1)!) {
    const weeks = Math.max(0, Math.ceil(daysBetween(start, asOf) / 7));
    return `${needs}; the history starts ${start} (${weeks} week${weeks === 1 ? '' : 's'} before ${asOf}), and it needs at least ${need.minWeeks} weeks (${need.fullWeeks} for every snapshot)`;
  }
  await createKnownRowsMacros(wh, asOf);
  // Buyers and requests are labelled by investigations, merchants by governance actions.
  const sql =
    spec.entity !== 'merchant'
      ? readSql(new URL('./sql/label_events_buyer.sql', import.meta.url))
      : readSql(new URL('./sql/label_events_merchant.sql', import.meta.url));
  const params: Record<string, DuckDBValue> =
    spec.entity !== 'merchant' ? { as_of: asOf } : { as_of: asOf, serious_actions: listValue([...SERIOUS_ACTIONS]) };
  const [row] = await wh.all<{ events: bigint; positives: bigint }>(sql, params);
  const positives = Number(row?.positives ?? 0n);
  const events = Number(row?.events ?? 0n);
  if (positives === 0) {
    const what =
      spec.entity !== 'merchant'
        ? `closed investigation${events === 1 ? '' : 's'}`
        : `governance action${events === 1 ? '' : 's'}`;
    return `${needs}; found none (${events} ${what} in all)`;
  }
  return null;
}

/**
 * The explanation when the loaded snapshots hold no positive in training or in validation (null when both have some).
 */
export function snapshotShortfall(
  spec: ModelSpec,
  asOf: string,
  plan: SnapshotPlan,
  config: TrustlensConfig,
  train: number,
  valid: number,
): string | null {
  if (train > 0 && valid > 0) return null;
  return (
    `it learns from ${labelWords(spec, config)} known before ${asOf}; found ${train} positive${train === 1 ? '' : 's'} in the training snapshots ` +
    `${plan.training[0]} … ${plan.training.at(-1)} and ${valid} in the held-out ${plan.validation[0]} … ${plan.validation.at(-1)}, and needs at least one in each`
  );
}
