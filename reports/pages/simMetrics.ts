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

const money = (label: string, higherIsBetter: boolean | null, description: string): SimMetricInfo => ({
  label,
  format: fmtMoney,
  tickFormat: '~s',
  higherIsBetter,
  description,
});
const rate = (label: string, higherIsBetter: boolean | null, description: string): SimMetricInfo => ({
  label,
  format: (v) => fmtPct(v, 1),
  formatDiff: (m) => `${fmtNumber(m * 100, 1)} pp`,
  tickFormat: '.1%',
  higherIsBetter,
  description,
});
const count = (label: string, higherIsBetter: boolean | null, description: string): SimMetricInfo => ({
  label,
  format: fmtInt,
  tickFormat: ',.0f',
  higherIsBetter,
  description,
});

export const SIM_METRICS: Record<string, SimMetricInfo> = {
  requests: count('Refund requests replayed', null, 'Refund requests in the replay window.'),
  abusive_amount_stopped_confirmed: money(
    'Abuse stopped (confirmed)',
    true,
    'Refund amount asked by requests of buyers with a confirmed abuse verdict that the policy does not pay out (a return, a review that catches it, or a rejection).',
  ),
  abusive_amount_stopped_expected: money(
    'Abuse stopped (expected)',
    true,
    'Refund amount not paid out, weighted by each buyer’s calibrated abuse risk at the time of the request.',
  ),
  abusive_amount_paid_confirmed: money(
    'Abuse paid (confirmed)',
    false,
    'Refund amount still paid out on requests of buyers with a confirmed abuse verdict.',
  ),
  abusive_amount_requested: money(
    'Abuse requested (confirmed)',
    null,
    'Refund amount asked by requests of buyers with a confirmed abuse verdict.',
  ),
  honest_burdened: count(
    'Honest requests burdened',
    false,
    'Requests of buyers without a confirmed abuse verdict that had to return goods (refund-only asked), wait for a review, or were rejected.',
  ),
  honest_burdened_rate: rate('Honest requests burdened (rate)', false, 'Burdened honest requests ÷ honest requests.'),
  new_buyer_burdened_rate: rate(
    'New buyers’ requests burdened (rate)',
    false,
    'The same rate for accounts younger than 30 days at the request, who have no history to earn trust.',
  ),
  merchant_loss: money(
    'Merchant loss',
    false,
    'Refunds paid while the buyer keeps the goods (instant refunds, reviews that pay out), over all requests.',
  ),
  compensation_cost: money(
    'Compensation to merchants',
    false,
    'What the platform repays merchants: the policy’s compensation share × the money paid to confirmed abusers for kept goods.',
  ),
  platform_cost: money('Review cost', false, 'Manual reviews × the policy’s cost of one review.'),
  honest_buyer_cost: money(
    'Honest buyers’ cost',
    false,
    'Return shipping and days waited for a refund by honest buyers, at the policy’s cost assumptions.',
  ),
  refund_paid: money('Refunds paid', null, 'All refunds paid out under the policy.'),
  review_workload: count('Manual reviews per week', false, 'Requests routed to manual review per week.'),
  review_overflow: count(
    'Review overflow per week',
    false,
    'Requests a rule sent to review beyond the policy’s weekly capacity, handled by its overflow action instead.',
  ),
  review_capacity: count(
    'Review capacity per week',
    null,
    'Reviews the team can handle per week (the policy’s reviewCapacityPerWeek).',
  ),
  median_days_to_refund_honest: {
    label: 'Median days to refund (honest)',
    format: (v) => (v === null ? fmtNumber(null) : `${fmtNumber(v, 1)} d`),
    tickFormat: ',.1f',
    higherIsBetter: false,
    description: 'Median days from request to refund for honest requests that are refunded.',
  },
};

export function simMetricInfo(metric: string): SimMetricInfo {
  return (
    SIM_METRICS[metric] ?? {
      label: metric.replace(/_/g, ' '),
      format: (v) => fmtNumber(v, 2),
      tickFormat: ',.2~f',
      higherIsBetter: null,
      description: 'Metric reported by the simulate stage.',
    }
  );
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
