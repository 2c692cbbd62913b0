// Merchants whose trust moved most since last week under one model, active ones only, with the features that moved
// them.
import type { Warehouse } from '../../data/warehouse/Warehouse.ts';
import { readSql } from '../../data/warehouse/readSql.ts';
import { featureDirections, moveReasons } from '../../models/explain/moveReasons.ts';
import type { CatalogueEntry } from '../../models/specs/specCatalogue.ts';
import { MODEL_SPECS } from '../../models/specs/index.ts';
import type { MerchantMove, MoversData } from '../reportData.ts';
import type { PreviousScores } from './loadComparison.ts';
import { explainSnapshot, type ScoringAccess } from './scoringAccess.ts';
import { num } from './values.ts';

/**
 * A merchant with no orders in the trust window is inactive: its trust moves only because the model or the window did.
 * The score stage's `inactive` tier counts too, so this keeps working once that tier is published (issue 16).
 */
export function isInactive(tier: string | undefined, orders90d: number | null | undefined): boolean {
  return tier === 'inactive' || orders90d === 0;
}

async function ordersAt(wh: Warehouse, asOf: string): Promise<Map<string, number> | null> {
  if (!(await wh.tableExists('feat_merchant_history'))) return null;
  const rows = await wh.all(readSql(new URL('../sql/report_merchant_orders.sql', import.meta.url)), { as_of: asOf });
  return rows.length ? new Map(rows.map((r) => [String(r.merchant_id), num(r.orders_90d)])) : null;
}

/** Merchants explained to learn which way the model reads each feature. */
const DIRECTION_SAMPLE = 300;

export interface MoverOptions {
  n: number;
  minOrders: number;
}

export async function loadMovers(
  wh: Warehouse,
  asOf: string,
  prev: PreviousScores,
  opts: MoverOptions,
  access: ScoringAccess | null,
): Promise<MoversData | null> {
  const previousAsOf = prev.comparison.previousAsOf;
  if (previousAsOf === null || prev.merchants === null || !(await wh.tableExists('score_merchant_history')))
    return null;
  const now = await wh.all(readSql(new URL('../sql/report_merchant_scores.sql', import.meta.url)), { as_of: asOf });
  if (now.length === 0) return null;
  const ordersNow = await ordersAt(wh, asOf);
  const ordersBefore = await ordersAt(wh, previousAsOf);
  let excludedInactive = 0;
  let excludedFewOrders = 0;
  const moves: (MerchantMove & { change: number })[] = [];
  for (const r of now) {
    const id = String(r.merchant_id);
    const before = prev.merchants.get(id);
    if (!before) continue;
    const o = [ordersNow?.get(id), ordersBefore?.get(id)];
    if (
      isInactive(String(r.tier), o[0] ?? (ordersNow ? 0 : null)) ||
      isInactive(before.tier, o[1] ?? (ordersBefore ? 0 : null))
    ) {
      excludedInactive++;
      continue;
    }
    // Without a feature history the activity is unknown: nothing is left out for it.
    if ((ordersNow && (o[0] ?? 0) < opts.minOrders) || (ordersBefore && (o[1] ?? 0) < opts.minOrders)) {
      excludedFewOrders++;
      continue;
    }
    const trustNow = num(r.trust);
    moves.push({
      merchantId: id,
      name: String(r.name),
      category: String(r.category),
      trustBefore: before.score,
      trustNow,
      tierBefore: before.tier,
      tierNow: String(r.tier),
      reasons: [],
      change: trustNow - before.score,
    });
  }
  const byChange = (a: { change: number; merchantId: string }, b: { change: number; merchantId: string }) =>
    a.change - b.change || (a.merchantId < b.merchantId ? -1 : 1);
  const fallers = moves
    .filter((m) => m.change < -0.05)
    .sort(byChange)
    .slice(0, opts.n);
  const risers = moves
    .filter((m) => m.change > 0.05)
    .sort((a, b) => byChange(b, a))
    .slice(0, opts.n);
  const model = prev.merchantModel;
  if (model && access) {
    const ids = [...fallers, ...risers].map((m) => m.merchantId);
    const a = await explainSnapshot(access, model, previousAsOf, ids);
    const b = await explainSnapshot(access, model, asOf, ids);
    const spec = model.artifact.spec;
    const entries = spec.features.map((f) => model.artifact.catalogue.find((c) => c.name === f) as CatalogueEntry);
    // How the model reads each feature, from an evenly spaced sample of this week's merchants.
    const step = Math.max(1, Math.floor(now.length / DIRECTION_SAMPLE));
    const sample = await explainSnapshot(
      access,
      model,
      asOf,
      now.filter((_, i) => i % step === 0).map((r) => String(r.merchant_id)),
    );
    const directions = featureDirections([...sample.values()], entries.length);
    // Plain-terms directions are vocabulary, not model parameters: the current spec's apply to older artifacts too.
    const betterWhen = { ...MODEL_SPECS['merchant-trust'].betterWhen, ...spec.betterWhen };
    for (const [list, direction] of [
      [fallers, 'up'],
      [risers, 'down'],
    ] as const) {
      for (const m of list) {
        const before = a.get(m.merchantId);
        const after = b.get(m.merchantId);
        if (before && after)
          m.reasons = moveReasons({
            entries,
            templates: spec.reasonTemplates,
            before,
            now: after,
            direction,
            directions,
            betterWhen,
            exclude: spec.notReasons,
          });
      }
    }
  }
  const strip = ({ change: _change, ...m }: MerchantMove & { change: number }): MerchantMove => m;
  return {
    previousAsOf,
    fallers: fallers.map(strip),
    risers: risers.map(strip),
    minOrders: opts.minOrders,
    excludedInactive,
    excludedFewOrders,
    reasonsExplained: model !== null && access !== null,
  };
}
