// What each simulation metric means and how to show it; unknown metrics from newer simulate stages still render.
import { fmtInt, fmtMoney, fmtNumber, fmtPct } from '../html/format.ts';

export interface SimMetricInfo {
  label: string;
  format: (v: number | null) => string;
  /** d3-format for chart axes. */
  tickFormat: string;
  higherIsBetter: boolean | null;
  description: string;
  /** Formats the size of a difference between scenarios; rates differ in percentage points. */
  formatDiff?: (magnitude: number) => string;
}

const money = (label: string, higherIsBetter: boolean | null, description: string): SimMetricInfo => ({ label, format: fmtMoney, tickFormat: '~s', higherIsBetter, description });
const rate = (label: string, higherIsBetter: boolean | null, description: string): SimMetricInfo => ({
  label,
  format: (v) => fmtPct(v, 1),
  formatDiff: (m) => `${fmtNumber(m * 100, 1)} pp`,
  tickFormat: '.1%',
  higherIsBetter,
  description,
});
const count = (label: string, higherIsBetter: boolean | null, description: string): SimMetricInfo => ({ label, format: fmtInt, tickFormat: ',.0f', higherIsBetter, description });

export const SIM_METRICS: Record<string, SimMetricInfo> = {
  requests: count('Refund requests replayed', null, 'Refund requests in the replay window.'),
  abusive_amount_stopped: money('Abuse stopped', true, 'Refund amount requested by abusive buyers that the policy would not have paid out without a return or review.'),
  abusive_amount_stopped_expected: money('Abuse stopped (expected)', true, 'Refund amount stopped, weighted by each buyer’s abuse probability.'),
  abusive_amount_stopped_confirmed: money('Abuse stopped (confirmed)', true, 'Refund amount stopped from buyers with confirmed abuse.'),
  abusive_amount_paid: money('Abuse paid', false, 'Refund amount still paid to abusive buyers under the policy.'),
  honest_burdened: count('Honest buyers burdened', false, 'Honest buyers asked to return goods or wait for a review they would not have needed under refund-only.'),
  honest_burdened_rate: rate('Honest buyers burdened (rate)', false, 'Burdened honest buyers ÷ honest buyers who asked for a refund.'),
  new_buyer_burdened_rate: rate('New buyers burdened (rate)', false, 'The same rate among buyers registered in the last 90 days, who have no history to earn trust.'),
  merchant_loss: money('Merchant loss', false, 'Refunds merchants pay out on abusive claims.'),
  platform_cost: money('Platform cost', false, 'Refunds the platform covers plus review handling cost.'),
  review_workload: count('Manual reviews per week', false, 'Requests routed to manual review per week.'),
  review_capacity: count('Review capacity per week', null, 'Reviews the team can handle per week (config review.capacity).'),
  median_days_to_refund_honest: { label: 'Median days to refund (honest)', format: (v) => (v === null ? fmtNumber(null) : `${fmtNumber(v, 1)} d`), tickFormat: ',.1f', higherIsBetter: false, description: 'Median days from request to refund for honest buyers.' },
};

export function simMetricInfo(metric: string): SimMetricInfo {
  return SIM_METRICS[metric] ?? { label: metric.replace(/_/g, ' '), format: (v) => fmtNumber(v, 2), tickFormat: ',.2~f', higherIsBetter: null, description: 'Metric reported by the simulate stage.' };
}

/** Table order: the known metrics first in this order, unknown ones after, alphabetically. */
export function orderMetrics(metrics: Iterable<string>): string[] {
  const known = Object.keys(SIM_METRICS);
  return [...new Set(metrics)].sort((a, b) => {
    const ia = known.indexOf(a);
    const ib = known.indexOf(b);
    if (ia >= 0 && ib >= 0) return ia - ib;
    if (ia >= 0) return -1;
    if (ib >= 0) return 1;
    return a.localeCompare(b);
  });
}
