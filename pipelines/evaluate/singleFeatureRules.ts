// Single-feature rules for merchant trust: rank merchants by one feature (e.g. the 90-day mean rating), the bar a model
// must clear.
import { rocAuc } from '../../models/metrics/index.ts';
import { MERCHANT_TRUST_SPEC } from '../../models/specs/merchantTrust.ts';
import type { Warehouse } from '../../data/warehouse/Warehouse.ts';
import { historyTable, loadFeatureColumns } from '../features/loadFeatureColumns.ts';
import { quoteIdent } from '../../data/warehouse/quoteIdent.ts';

export interface SingleFeatureRule {
  feature: string;
  /** Which end of the feature is the worse merchant, from what it measures (never fitted to the truth). */
  worse: 'higher' | 'lower';
}

/** Every merchant-quality feature a team could rank shops by on its own; size, age and category mix are no rule. */
export const MERCHANT_SINGLE_FEATURE_RULES: readonly SingleFeatureRule[] = [
  { feature: 'rating_avg_90d', worse: 'lower' },
  { feature: 'rating_avg_30d', worse: 'lower' },
  { feature: 'low_rating_share_90d', worse: 'higher' },
  { feature: 'described_avg_90d', worse: 'lower' },
  { feature: 'service_avg_90d', worse: 'lower' },
  { feature: 'logistics_avg_90d', worse: 'lower' },
  { feature: 'late_shipment_rate_90d', worse: 'higher' },
  { feature: 'cancellation_rate_90d', worse: 'higher' },
  { feature: 'delivery_days_median_90d', worse: 'higher' },
  { feature: 'order_defect_rate_90d', worse: 'higher' },
  { feature: 'product_defect_rate_90d', worse: 'higher' },
  { feature: 'refund_request_rate_90d', worse: 'higher' },
  { feature: 'refund_only_rate_90d', worse: 'higher' },
  { feature: 'request_response_hours_median_90d', worse: 'higher' },
  { feature: 'no_reason_7day_rejection_rate_90d', worse: 'higher' },
  { feature: 'ticket_satisfaction_avg_90d', worse: 'lower' },
  { feature: 'ticket_resolution_rate_90d', worse: 'lower' },
  { feature: 'ticket_response_hours_p90_90d', worse: 'higher' },
  { feature: 'attitude_complaints_per_1k_orders_90d', worse: 'higher' },
  { feature: 'spot_checks_failed_365d', worse: 'higher' },
  { feature: 'serious_actions_365d', worse: 'higher' },
];

export interface RuleAuc {
  rule: string;
  feature: string;
  auc: number;
  /** Merchants whose feature is unknown (no reviews in the window, …): ranked at the median. */
  unknown: number;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

export const ruleName = (r: SingleFeatureRule): string => `${r.worse === 'lower' ? 'lowest' : 'highest'} ${r.feature}`;

/**
 * ROC-AUC of each rule over `ids` (truth[i] = 1 for a problem merchant), features as of `asOf`. A rule whose feature is
 * unknown for every merchant (its source absent) is left out: it ranks nobody.
 */
export async function singleFeatureAucs(
  wh: Warehouse,
  asOf: string,
  ids: readonly string[],
  truth: Uint8Array,
  rules: readonly SingleFeatureRule[] = MERCHANT_SINGLE_FEATURE_RULES,
): Promise<RuleAuc[]> {
  // a feature the history table lacks (a warehouse built before it existed) ranks nobody either
  const have = new Set(
    (await wh.all<{ column_name: string }>(`describe ${quoteIdent(historyTable(MERCHANT_TRUST_SPEC))}`)).map(
      (c) => c.column_name,
    ),
  );
  rules = rules.filter((r) => have.has(r.feature));
  if (rules.length === 0) return [];
  const spec = { ...MERCHANT_TRUST_SPEC, features: rules.map((r) => r.feature), derived: [], baselines: [] };
  const snap = await loadFeatureColumns(wh, spec, asOf);
  const at = new Map(snap.ids.map((id, i) => [id, i]));
  const out: RuleAuc[] = [];
  for (const r of rules) {
    const col = snap.columns.get(r.feature)!;
    const values = ids.map((id) => col[at.get(id) ?? -1] ?? NaN);
    const known = values.filter((v) => Number.isFinite(v));
    if (known.length === 0) continue;
    const fill = median(known);
    const sign = r.worse === 'higher' ? 1 : -1;
    const score = Float64Array.from(values, (v) => sign * (Number.isFinite(v) ? v : fill));
    out.push({
      rule: ruleName(r),
      feature: r.feature,
      auc: rocAuc(truth, score),
      unknown: values.length - known.length,
    });
  }
  return out.sort((a, b) => b.auc - a.auc);
}
