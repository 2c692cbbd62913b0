// Renders scenario results side by side: scenarios as columns, key metrics as rows, value [lo, hi] and the change
// against status-quo.
import type { SimResultRow } from '../../data/warehouse/tables/simResultRow.ts';
import { BASELINE_SCENARIO } from '../../data/vocabulary/scenarios.ts';
import { fmtInt } from '../../reports/html/format.ts';
import { simMetricInfo } from '../../reports/pages/simMetrics.ts';

export const TABLE_METRICS = [
  'requests',
  'requests_instant_refund',
  'requests_refund_after_return',
  'requests_manual_review',
  'requests_reject',
  'requests_as_recorded',
  'requests_auto_refunded',
  'abusive_amount_stopped_confirmed',
  'abusive_amount_paid_confirmed',
  'abusive_amount_stopped_expected',
  'honest_burdened',
  'honest_burdened_rate',
  'new_buyer_burdened',
  'new_buyer_burdened_rate',
  'merchant_loss',
  'compensation_cost',
  'platform_cost',
  'honest_buyer_cost',
  'review_workload',
  'review_capacity',
  'review_overflow',
  'median_days_to_refund_honest',
  'requests_unscored',
] as const;

function fmt(metric: string, v: number): string {
  if (metric.endsWith('_rate')) return `${(v * 100).toFixed(1)}%`;
  // a count's bootstrap bounds are percentiles between resamples: whole requests, like the count itself
  if (simMetricInfo(metric).format === fmtInt) v = Math.round(v);
  if (Math.abs(v) >= 1000) return Math.round(v).toLocaleString('en-US');
  return Number.isInteger(v)
    ? String(v)
    : v.toFixed(metric.startsWith('median_') || metric.startsWith('review_') ? 1 : 2);
}

function signed(metric: string, d: number): string {
  const s = fmt(metric, Math.abs(d));
  return d > 0 ? `+${s}` : d < 0 ? `-${s}` : '±0';
}

/** A plain-text table for the terminal; `segment` picks which rows (default overall). */
export function formatSimTable(rows: readonly SimResultRow[], segment = 'overall'): string {
  const seg = rows.filter((r) => r.segment === segment);
  const scenarios = [...new Set(seg.map((r) => r.scenario))].sort((a, b) =>
    a === BASELINE_SCENARIO ? -1 : b === BASELINE_SCENARIO ? 1 : a.localeCompare(b),
  );
  const byKey = new Map(seg.map((r) => [`${r.scenario}\u0000${r.metric}`, r]));
  const header = ['metric', ...scenarios];
  const body = TABLE_METRICS.map((metric) => [
    metric,
    ...scenarios.map((sc) => {
      const r = byKey.get(`${sc}\u0000${metric}`);
      if (!r) return '—';
      let cell = fmt(metric, r.value);
      if (r.lo !== null && r.hi !== null && (r.lo !== r.value || r.hi !== r.value))
        cell += ` [${fmt(metric, r.lo)}, ${fmt(metric, r.hi)}]`;
      const base = byKey.get(`${BASELINE_SCENARIO}\u0000${metric}`);
      if (sc !== BASELINE_SCENARIO && base) cell += ` (${signed(metric, r.value - base.value)})`;
      return cell;
    }),
  ]);
  const table = [header, ...body];
  const widths = header.map((_, i) => Math.max(...table.map((row) => row[i]!.length)));
  const line = (row: string[]) =>
    row.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}
