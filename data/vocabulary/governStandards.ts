// The after-sales standards of the merchant scorecard: what each measures and how it is worded (settings: config
// govern.standards).
import type { GovernConfig } from '../config/governSchema.ts';

export type StandardKey = keyof GovernConfig['standards'];

/** Where a standard belongs on the scorecard page. */
export type StandardArea =
  | 'response'
  | 'resolution'
  | 'attitude'
  | 'disputes'
  | 'returns'
  | 'fresh food'
  | 'electronics'
  | 'fulfilment'
  | 'product';

export interface StandardInfo {
  key: StandardKey;
  /** The metric's id in merchant_scorecard.standard (snake_case, as gov_metrics.sql writes it). */
  id: string;
  area: StandardArea;
  /** max: the value must stay at or below the limit; min: at or above. */
  direction: 'max' | 'min';
  unit: 'hours' | 'share';
  /** Short name for tables. */
  label: string;
  /** What the cases are, plural ("service tickets"). */
  cases: string;
  /**
   * What a failed case did, for "5 of 9 service tickets …" (shares only); {hours} and {rating} are filled from config.
   */
  failed?: string;
}

export const STANDARDS: readonly StandardInfo[] = [
  {
    key: 'ticketResponseMedian',
    id: 'ticket_response_median',
    area: 'response',
    direction: 'max',
    unit: 'hours',
    label: 'Ticket first answer (median)',
    cases: 'service tickets',
  },
  {
    key: 'ticketResponseLate',
    id: 'ticket_response_late',
    area: 'response',
    direction: 'max',
    unit: 'share',
    label: 'Tickets answered late',
    cases: 'service tickets',
    failed: 'answered after {hours} h or not at all',
  },
  {
    key: 'refundResponseMedian',
    id: 'refund_response_median',
    area: 'response',
    direction: 'max',
    unit: 'hours',
    label: 'Refund first answer (median)',
    cases: 'refund requests',
  },
  {
    key: 'refundResponseLate',
    id: 'refund_response_late',
    area: 'response',
    direction: 'max',
    unit: 'share',
    label: 'Refund requests answered late',
    cases: 'refund requests',
    failed: 'answered after {hours} h or not at all',
  },
  {
    key: 'ticketResolution',
    id: 'ticket_resolution',
    area: 'resolution',
    direction: 'min',
    unit: 'share',
    label: 'Tickets resolved',
    cases: 'service tickets older than {hours} h',
    failed: 'still unresolved',
  },
  {
    key: 'ticketResolutionTime',
    id: 'ticket_resolution_time',
    area: 'resolution',
    direction: 'max',
    unit: 'hours',
    label: 'Ticket resolution time (median)',
    cases: 'resolved service tickets',
  },
  {
    key: 'attitudeComplaints',
    id: 'attitude_complaints',
    area: 'attitude',
    direction: 'max',
    unit: 'share',
    label: 'Attitude complaints',
    cases: 'service tickets',
    failed: 'with a complaint about the merchant’s attitude',
  },
  {
    key: 'lowServiceRatings',
    id: 'low_service_ratings',
    area: 'attitude',
    direction: 'max',
    unit: 'share',
    label: 'Low service ratings',
    cases: 'reviews with a service rating',
    failed: 'at {rating} or lower',
  },
  {
    key: 'disputesLost',
    id: 'disputes_lost',
    area: 'disputes',
    direction: 'max',
    unit: 'share',
    label: 'Disputes lost',
    cases: 'decided refund requests',
    failed: 'escalated by the buyer and decided against the merchant',
  },
  {
    key: 'noReasonRefused',
    id: 'no_reason_refused',
    area: 'returns',
    direction: 'max',
    unit: 'share',
    label: '7-day no-reason returns refused',
    cases: 'decided 7-day no-reason returns',
    failed: 'refused or left to the auto-refund',
  },
  {
    key: 'freshFoodSlowDecision',
    id: 'fresh_food_slow_decision',
    area: 'fresh food',
    direction: 'max',
    unit: 'share',
    label: 'Fresh-food requests decided late',
    cases: 'fresh-food refund requests',
    failed: 'not decided within {hours} h',
  },
  {
    key: 'electronicsExchangeRefused',
    id: 'electronics_exchange_refused',
    area: 'electronics',
    direction: 'max',
    unit: 'share',
    label: 'Electronics exchanges refused',
    cases: 'decided electronics exchange requests',
    failed: 'refused',
  },
  {
    key: 'lateShipment',
    id: 'late_shipment',
    area: 'fulfilment',
    direction: 'max',
    unit: 'share',
    label: 'Late shipments',
    cases: 'orders due to ship',
    failed: 'went out after the promised date or not at all',
  },
  {
    key: 'qualityRefunds',
    id: 'quality_refunds',
    area: 'product',
    direction: 'max',
    unit: 'share',
    label: 'Product defect refunds',
    cases: 'orders',
    failed: 'with a refund request for a defect',
  },
];

const BY_ID = new Map(STANDARDS.map((s) => [s.id, s]));

export function standardById(id: string): StandardInfo | undefined {
  return BY_ID.get(id);
}

/** Fills {hours} / {rating} in a standard's wording from config. */
export function fillStandardText(text: string, key: StandardKey, config: GovernConfig): string {
  const c = config.standards[key] as { hours?: number; rating?: number };
  return text.replace('{hours}', String(c.hours ?? '')).replace('{rating}', String(c.rating ?? ''));
}
