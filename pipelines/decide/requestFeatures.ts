// feat_request for one request in memory: the same values feat_request.sql computes, from facts the decision service
// holds.
import type { REFUND_KINDS, REFUND_REASONS } from '../../data/contracts/index.ts';

type RefundKind = (typeof REFUND_KINDS)[number];
type RefundReason = (typeof REFUND_REASONS)[number];

/**
 * The feature columns of feat_request (role feature), in the catalogue's order; request-risk reads a subset by name.
 */
export const REQUEST_FEATURES = [
  'is_refund_only',
  'is_return_and_refund',
  'reason_not_received',
  'reason_damaged',
  'reason_quality',
  'reason_not_as_described',
  'reason_wrong_item',
  'reason_no_reason_7day',
  'amount',
  'amount_share_of_order',
  'amount_vs_buyer_usual',
  'hours_since_delivery',
  'not_delivered',
  'hours_since_promised_ship',
  'days_since_order',
  'category_fresh_food',
  'category_electronics',
  'category_apparel',
  'low_review_before',
  'buyer_account_age_days',
  'buyer_orders_365d',
  'buyer_requests_90d',
  'buyer_refund_only_30d',
  'buyer_refund_only_90d',
  'buyer_not_received_on_delivered_90d',
  'buyer_request_within_24h_share_90d',
  'buyer_refund_only_excess_90d',
  'buyer_merchants_requested_90d',
  'buyer_refund_only_at_low_refund_merchants_90d',
  'buyer_low_reviews_after_rejection_365d',
  'buyer_hours_to_request_median_90d',
  'group_size',
  'group_confirmed_abusers',
  'buyer_confirmed',
  'merchant_orders_90d',
  'merchant_refund_only_rate_90d',
  'merchant_product_defect_rate_90d',
  'merchant_abuser_request_share_90d',
  'buyer_risk',
  'merchant_trust',
] as const;
export type RequestFeature = (typeof REQUEST_FEATURES)[number];

/** Times are epoch milliseconds, NaN when unknown. */
export interface OrderFacts {
  buyerId: string;
  merchantId: string;
  category: string;
  amount: number;
  createdMs: number;
  promisedShipMs: number;
  deliveredMs: number;
  firstLowReviewMs: number;
}

/** The buyer's weekly snapshot values feat_request reads (NaN when the buyer has no snapshot). */
export interface BuyerSnapshot {
  orders365d: number;
  spend365d: number;
  requests90d: number;
  refundOnly30d: number;
  refundOnly90d: number;
  notReceivedOnDelivered90d: number;
  within24hShare90d: number;
  refundOnlyExcess90d: number;
  merchantsRequested90d: number;
  refundOnlyAtLowRefund90d: number;
  lowReviewsAfterRejection365d: number;
  hoursToRequestMedian90d: number;
}

export interface MerchantSnapshot {
  orders90d: number;
  refundOnlyRate90d: number;
  productDefectRate90d: number;
  abuserRequestShare90d: number;
}

export interface RequestFacts {
  kind: RefundKind;
  reason: RefundReason;
  amount: number;
  requestedMs: number;
  order: OrderFacts;
  buyerRegisteredMs: number;
  buyer: BuyerSnapshot | null;
  merchant: MerchantSnapshot | null;
  buyerRisk: number | null;
  merchantTrust: number | null;
  groupSize: number;
  /** Other accounts of the group confirmed before the request. */
  groupConfirmedOthers: number;
  buyerConfirmed: boolean;
}

/** DuckDB's date_diff('minute', a, b): minute boundaries crossed (NaN when either is unknown). */
export function minutesBetween(fromMs: number, toMs: number): number {
  return Math.floor(toMs / 60_000) - Math.floor(fromMs / 60_000);
}

const div = (a: number, b: number) => (b === 0 || Number.isNaN(b) ? NaN : a / b);
const flag = (x: boolean) => (x ? 1 : 0);
const orNaN = (x: number | null) => (x === null ? NaN : x);

/** Writes every REQUEST_FEATURES value of the request into `out` (NaN = missing, as the forest reads NULL). */
export function requestFeatureValues(f: RequestFacts, out: Float64Array): void {
  const o = f.order;
  const b = f.buyer;
  const m = f.merchant;
  const delivered = o.deliveredMs < f.requestedMs ? o.deliveredMs : NaN;
  const usual = b ? div(b.spend365d, b.orders365d) : NaN;
  let i = 0;
  out[i++] = flag(f.kind === 'refund_only');
  out[i++] = flag(f.kind === 'return_and_refund');
  out[i++] = flag(f.reason === 'not_received');
  out[i++] = flag(f.reason === 'damaged');
  out[i++] = flag(f.reason === 'quality');
  out[i++] = flag(f.reason === 'not_as_described');
  out[i++] = flag(f.reason === 'wrong_item');
  out[i++] = flag(f.reason === 'no_reason_7day');
  out[i++] = f.amount;
  out[i++] = div(f.amount, o.amount);
  out[i++] = div(f.amount, usual);
  out[i++] = minutesBetween(delivered, f.requestedMs) / 60;
  out[i++] = flag(Number.isNaN(delivered));
  out[i++] = minutesBetween(o.promisedShipMs, f.requestedMs) / 60;
  out[i++] = minutesBetween(o.createdMs, f.requestedMs) / 1440;
  out[i++] = flag(o.category === 'fresh_food');
  out[i++] = flag(o.category === 'electronics');
  out[i++] = flag(o.category === 'apparel');
  out[i++] = flag(o.firstLowReviewMs < f.requestedMs);
  out[i++] = minutesBetween(f.buyerRegisteredMs, f.requestedMs) / 1440;
  out[i++] = b ? b.orders365d : NaN;
  out[i++] = b ? b.requests90d : NaN;
  out[i++] = b ? b.refundOnly30d : NaN;
  out[i++] = b ? b.refundOnly90d : NaN;
  out[i++] = b ? b.notReceivedOnDelivered90d : NaN;
  out[i++] = b ? b.within24hShare90d : NaN;
  out[i++] = b ? b.refundOnlyExcess90d : NaN;
  out[i++] = b ? b.merchantsRequested90d : NaN;
  out[i++] = b ? b.refundOnlyAtLowRefund90d : NaN;
  out[i++] = b ? b.lowReviewsAfterRejection365d : NaN;
  out[i++] = b ? b.hoursToRequestMedian90d : NaN;
  out[i++] = f.groupSize;
  out[i++] = f.groupConfirmedOthers;
  out[i++] = flag(f.buyerConfirmed);
  out[i++] = m ? m.orders90d : NaN;
  out[i++] = m ? m.refundOnlyRate90d : NaN;
  out[i++] = m ? m.productDefectRate90d : NaN;
  out[i++] = m ? m.abuserRequestShare90d : NaN;
  out[i++] = orNaN(f.buyerRisk);
  out[i++] = orNaN(f.merchantTrust);
}
