// What each simulation metric means and how to show it: one label and one number format per metric, wherever it
// appears.
import { fmtInt, fmtMoney, fmtNumber, fmtPct, withUnit } from '../html/format.ts';

export interface SimMetricInfo {
  label: string;
  format: (v: number | null) => string;
  /** d3-format for chart axes. */
  tickFormat: string;
  higherIsBetter: boolean | null;
  description: string;
  /** Formats the size of a difference between scenarios; rates differ in percentage points. */
  formatDiff?: (magnitude: number) => string;
  /** Money metrics take the currency into their label. */
  money?: boolean;
}

const money = (label: string, higherIsBetter: boolean | null, description: string): SimMetricInfo => ({
  label,
  format: fmtMoney,
  tickFormat: '~s',
  higherIsBetter,
  description,
  money: true,
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
// Weekly averages over the replayed weeks are rarely whole: one decimal, always.
const perWeek = (label: string, higherIsBetter: boolean | null, description: string): SimMetricInfo => ({
  label,
  format: (v) => fmtNumber(v, 1),
  tickFormat: ',.1f',
  higherIsBetter,
  description,
});
const byAction = (action: string, words: string): SimMetricInfo =>
  count(`Requests: ${words}`, null, `Requests whose final action, after capacity and deadline, was ${action}.`);

export const SIM_METRICS: Record<string, SimMetricInfo> = {
  requests: count('Refund requests replayed', null, 'Refund requests made in the replayed weeks.'),
  abusive_amount_stopped_expected: money(
    'Abuse stopped (expected)',
    true,
    'Requested amount not paid out for kept goods, weighted by each buyer’s calibrated abuse risk at the time of the request (requests without a score count 0).',
  ),
  abusive_amount_stopped_confirmed: money(
    'Abuse stopped (confirmed)',
    true,
    'Amount asked by buyers with a confirmed-abuse verdict that the policy does not pay out for kept goods (a return, a review that catches it, or a rejection).',
  ),
  abusive_amount_paid_confirmed: money(
    'Abuse paid (confirmed)',
    false,
    'Amount still paid out for kept goods to buyers with a confirmed-abuse verdict.',
  ),
  abusive_amount_requested: money(
    'Abuse requested (confirmed)',
    null,
    'Amount asked by buyers with a confirmed-abuse verdict.',
  ),
  abusive_requests: count(
    'Requests from confirmed abusers',
    null,
    'Requests of buyers with a confirmed-abuse verdict closed before the as-of date.',
  ),
  honest_requests: count('Honest requests', null, 'Requests of every other buyer (uninvestigated abusers included).'),
  honest_burdened: count(
    'Honest requests burdened',
    false,
    'Honest requests asked to return goods they asked to keep, made to wait for a review, or refused.',
  ),
  honest_burdened_rate: rate('Honest requests burdened (rate)', false, 'Burdened honest requests ÷ honest requests.'),
  new_buyer_requests: count(
    'Requests of new buyers',
    null,
    'Honest requests from accounts younger than 30 days at the request.',
  ),
  new_buyer_burdened: count(
    'New buyers’ requests burdened',
    false,
    'Burdened honest requests from accounts younger than 30 days.',
  ),
  new_buyer_burdened_rate: rate(
    'New buyers’ requests burdened (rate)',
    false,
    'The same rate for accounts younger than 30 days at the request, who have no history to earn trust.',
  ),
  merchant_loss: money(
    'Merchant loss',
    false,
    'Refunds paid while the buyer keeps the goods (instant refunds, reviews that pay out, auto-refunds at the deadline), over all requests.',
  ),
  compensation_cost: money(
    'Compensation to merchants',
    false,
    'What the platform repays merchants: the policy’s compensation share × the money paid to confirmed abusers for kept goods.',
  ),
  refund_paid: money(
    'Refunds paid',
    null,
    'All refunds paid out, including refunds after the goods came back (those cost the merchant nothing but the shipping).',
  ),
  platform_cost: money('Review cost', false, 'Manual reviews × the policy’s cost of one review.'),
  honest_buyer_cost: money(
    'Honest buyers’ cost',
    false,
    'Return shipping, days waited for a refund (at the policy’s value of a day) and refused refunds, for honest requests.',
  ),
  review_workload: perWeek('Manual reviews per week', false, 'Requests routed to manual review, per replayed week.'),
  review_overflow: perWeek(
    'Review overflow per week',
    false,
    'Requests a rule sent to review beyond the policy’s weekly capacity, per week; they get the overflow action instead.',
  ),
  review_capacity: count(
    'Review capacity per week',
    null,
    'Reviews the team can handle per week (the policy’s reviewCapacityPerWeek).',
  ),
  median_days_to_refund_honest: {
    label: 'Median days to refund (honest)',
    format: (v) => (v === null ? fmtNumber(null) : `${fmtNumber(v, 1)} days`),
    tickFormat: ',.1f',
    higherIsBetter: false,
    description: 'Median days from request to refund for honest requests that are refunded.',
  },
  requests_instant_refund: byAction('instant refund', 'refunded at once'),
  requests_refund_after_return: byAction('refund after return', 'refunded after a return'),
  requests_manual_review: byAction('manual review', 'manual review'),
  requests_reject: byAction('reject', 'rejected'),
  requests_as_recorded: byAction('as recorded', 'as recorded'),
  requests_auto_refunded: count(
    'Requests auto-refunded at the deadline',
    null,
    'Return requests refunded at once because the merchant did not answer within the policy’s deadline.',
  ),
  requests_unscored: count(
    'Requests without a buyer score',
    null,
    'Requests whose buyer had no score before the request; conditions on buyer risk or tier never match them.',
  ),
};

/**
 * A metric the simulate stage writes that this list does not know yet: a readable label, and whole numbers when they
 * are whole.
 */
export function simMetricInfo(metric: string): SimMetricInfo {
  const info = SIM_METRICS[metric];
  if (info) return info.money ? { ...info, label: withUnit(info.label) } : info;
  const label = metric.charAt(0).toUpperCase() + metric.slice(1).replace(/_/g, ' ');
  return {
    label,
    format: (v) => (v !== null && Number.isInteger(v) ? fmtInt(v) : fmtNumber(v, 2)),
    tickFormat: ',.2~f',
    higherIsBetter: null,
    description: 'Metric reported by the simulate stage.',
  };
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
