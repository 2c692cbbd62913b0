// Which optional sources each feature is computed from: a source a marketplace declares absent makes these features
// unknown (NULL), never zero.
import { OPTIONAL_TABLES, type OptionalTable } from '../../data/contracts/index.ts';
import type { FeatureTableName } from './featureCatalog.ts';
import type { ModelSpec } from '../../models/specs/modelSpec.ts';

export const OPTIONAL_SOURCES = OPTIONAL_TABLES;
export type OptionalSource = OptionalTable;

const R = 'refund_requests';
const V = 'reviews';
const T = 'service_tickets';
const A = 'merchant_actions';
const I = 'investigations';

/**
 * Per feature table, the columns that read an optional source (columns not listed need only buyers, merchants and
 * orders). A test checks that every feature column of the catalogue is listed here or known to need none.
 */
export const FEATURE_SOURCES: Record<FeatureTableName, Record<string, readonly OptionalSource[]>> = {
  feat_buyer: {
    requests_30d: [R],
    requests_90d: [R],
    refund_only_30d: [R],
    refund_only_90d: [R],
    refund_only_amount_30d: [R],
    refund_only_amount_90d: [R],
    request_order_rate_30d: [R],
    request_order_rate_90d: [R],
    refund_only_order_rate_30d: [R],
    refund_only_order_rate_90d: [R],
    request_amount_rate_30d: [R],
    request_amount_rate_90d: [R],
    refund_only_amount_rate_30d: [R],
    refund_only_amount_rate_90d: [R],
    not_received_claims_90d: [R],
    not_received_on_delivered_share_90d: [R],
    hours_delivery_to_request_median_90d: [R],
    request_within_24h_share_90d: [R],
    merchants_requested_90d: [R],
    merchants_refunded_90d: [R],
    rejected_rate_365d: [R],
    escalated_rate_365d: [R],
    refund_only_expected_90d: [R],
    refund_only_excess_90d: [R],
    refund_only_at_low_refund_merchants_90d: [R],
    low_reviews_after_rejection_365d: [R, V],
    requests_after_low_review_90d: [R, V],
    fresh_food_request_share_90d: [R],
    group_refund_only_90d: [R],
    group_confirmed_abusers: [I],
    abuser_shop_exposure_365d: [I],
  },
  feat_merchant: {
    refund_request_rate_90d: [R],
    refund_only_rate_90d: [R],
    product_defect_rate_90d: [R],
    spot_checks_failed_365d: [A],
    order_defect_rate_90d: [R, V],
    order_defect_rate_30d: [R, V],
    order_defect_trend_30v90: [R, V],
    rating_avg_90d: [V],
    rating_avg_30d: [V],
    rating_trend_30v90: [V],
    described_avg_90d: [V],
    service_avg_90d: [V],
    logistics_avg_90d: [V],
    low_rating_share_90d: [V],
    request_response_hours_median_90d: [R],
    request_response_hours_p90_90d: [R],
    ticket_response_hours_median_90d: [T],
    ticket_response_hours_p90_90d: [T],
    ticket_resolution_rate_90d: [T],
    ticket_satisfaction_avg_90d: [T],
    attitude_complaints_per_1k_orders_90d: [T],
    auto_refunds_no_answer_90d: [R],
    auto_refund_rate_90d: [R],
    no_reason_7day_rejection_rate_90d: [R],
    actions_365d: [A],
    serious_actions_365d: [A],
    abuser_requests_90d: [R],
    abuser_refund_only_90d: [R],
    confirmed_abuser_requests_90d: [R, I],
    high_risk_requests_90d: [R],
    abuser_request_share_90d: [R],
    no_reason_7day_refusal_rate_adj_365d: [R],
    ticket_resolution_rate_adj_365d: [T],
    ticket_slow_response_rate_adj_365d: [T],
    ticket_satisfaction_adj_365d: [T],
    attitude_complaints_per_1k_orders_adj_365d: [T],
  },
  buyer_groups: {},
  // one row per refund request: a marketplace without requests has none
  feat_request: {},
};

/** Feature columns of a table that are unknown when the given sources are absent. */
export function columnsFromSources(table: FeatureTableName, absent: readonly string[]): string[] {
  return Object.entries(FEATURE_SOURCES[table] ?? {})
    .filter(([, sources]) => sources.some((s) => absent.includes(s)))
    .map(([column]) => column);
}

/**
 * The artifact with every feature read from an absent source added to its spec's notReasons: such a feature is unknown
 * (NaN), and a reason citing it would only say "no data for …" about data the marketplace never had.
 */
export function withoutAbsentReasons<A extends { spec: ModelSpec }>(artifact: A, absent: readonly string[]): A {
  const unknown = columnsFromSources(artifact.spec.featureTable, absent);
  if (unknown.length === 0) return artifact;
  const notReasons = [...new Set([...artifact.spec.notReasons, ...unknown])];
  return { ...artifact, spec: { ...artifact.spec, notReasons } };
}
