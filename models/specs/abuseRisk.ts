// The abuse-risk model: buyer features, the investigation label, forest options, rule baselines and reason wording.
import type { ModelSpec } from './modelSpec.ts';

/** A case labels a snapshot only if it opened within this many days after it. */
const ABUSE_LABEL_HORIZON_DAYS = 90;

export const ABUSE_RISK_SPEC: ModelSpec = {
  name: 'abuse-risk',
  entity: 'buyer',
  idColumn: 'buyer_id',
  featureTable: 'feat_buyer',
  labelDefinition:
    'Positive: the buyer has an investigation with verdict confirmed_abuse that closed before the training date and opened ' +
    `within ${ABUSE_LABEL_HORIZON_DAYS} days after the feature snapshot (so a case about much later behaviour does not label an earlier snapshot). ` +
    'Snapshots younger than labels.abuseLabelDelayDays are not used, so their cases had time to close.',
  labelHorizonDays: ABUSE_LABEL_HORIZON_DAYS,
  features: [
    'account_age_days',
    'orders_30d',
    'orders_90d',
    'orders_365d',
    'spend_30d',
    'spend_90d',
    'spend_365d',
    'requests_30d',
    'requests_90d',
    'refund_only_30d',
    'refund_only_90d',
    'refund_only_amount_30d',
    'refund_only_amount_90d',
    'request_order_rate_30d',
    'request_order_rate_90d',
    'refund_only_order_rate_30d',
    'refund_only_order_rate_90d',
    'request_amount_rate_30d',
    'request_amount_rate_90d',
    'refund_only_amount_rate_30d',
    'refund_only_amount_rate_90d',
    'not_received_claims_90d',
    'not_received_on_delivered_share_90d',
    'not_received_on_delivered_90d',
    'hours_delivery_to_request_median_90d',
    'request_within_24h_share_90d',
    'merchants_requested_90d',
    'merchants_refunded_90d',
    'rejected_rate_365d',
    'escalated_rate_365d',
    'refund_only_expected_90d',
    'refund_only_excess_90d',
    'refund_only_at_low_refund_merchants_90d',
    'low_reviews_after_rejection_365d',
    'fresh_food_request_share_90d',
    'group_size',
    'group_refund_only_90d',
    'group_confirmed_abusers',
    // A quiet abuser's 90 days look like an honest buyer's; the year shows the pattern (seed 42 at 12k buyers: the
    // abusers ranked below capacity averaged 0.6 refund-only requests in 90 days, like honest buyers).
    'requests_after_low_review_90d',
    'refund_only_365d',
    'refund_only_order_rate_365d',
    'not_received_on_delivered_365d',
    'requests_after_low_review_365d',
    'merchants_requested_365d',
    'request_within_24h_share_365d',
    'refund_only_full_amount_share_365d',
    // A quiet abuser still shops where the caught ones do (seed 2027 at 12k buyers, as of 2026-11-02: abusers with no
    // refund-only request in a year averaged 2.0× the platform's share, honest buyers 0.95×).
    'abuser_shop_exposure_365d',
  ],
  derived: [
    {
      name: 'not_received_on_delivered_90d',
      sql: 'round(not_received_claims_90d * coalesce(not_received_on_delivered_share_90d, 0))',
      description: '"Not received" claims on parcels the carrier had recorded as delivered.',
      unit: 'count',
      window: '90d',
    },
  ],
  forest: { maxDepth: 10, minSamplesLeaf: 20, maxFeatures: 'sqrt', maxBins: 64, classWeight: null, sampleFraction: 1 },
  calibration: 'isotonic',
  negativeSampleRate: 1,
  refitOnAllSnapshots: false,
  k: 'review-capacity',
  baselines: [
    {
      name: 'refund-only ≥ 3 in 90 days',
      description: 'Flag buyers with at least 3 refund-only requests in the last 90 days.',
      anyOf: [{ column: 'refund_only_90d', op: '>=', threshold: 3 }],
    },
    {
      name: "'not received' on delivered ≥ 2",
      description:
        "Flag buyers with at least 2 'not received' claims on parcels recorded as delivered in the last 90 days.",
      anyOf: [{ column: 'not_received_on_delivered_90d', op: '>=', threshold: 2 }],
    },
  ],
  reasonTemplates: {
    account_age_days: 'account {value} old',
    orders_30d: '{value} orders in 30 days',
    orders_90d: '{value} orders in 90 days',
    requests_30d: '{value} refund requests in 30 days',
    requests_90d: '{value} refund requests in 90 days',
    refund_only_30d: '{value} refund-only requests in 30 days',
    refund_only_90d: '{value} refund-only requests in 90 days',
    refund_only_amount_30d: '{value} asked back without return in 30 days',
    refund_only_amount_90d: '{value} asked back without return in 90 days',
    request_order_rate_30d: '{value} of orders in 30 days ended in a refund request',
    request_order_rate_90d: '{value} of orders in 90 days ended in a refund request',
    refund_only_order_rate_30d: '{value} of orders in 30 days ended in a refund-only request',
    refund_only_order_rate_90d: '{value} of orders in 90 days ended in a refund-only request',
    request_amount_rate_30d: '{value} of spend in 30 days asked back',
    request_amount_rate_90d: '{value} of spend in 90 days asked back',
    refund_only_amount_rate_30d: '{value} of spend in 30 days asked back without return',
    refund_only_amount_rate_90d: '{value} of spend in 90 days asked back without return',
    not_received_claims_90d: "{value} 'not received' claims in 90 days",
    not_received_on_delivered_share_90d:
      "{value} of 'not received' claims were on parcels recorded as delivered (90 days)",
    not_received_on_delivered_90d: "{value} 'not received' claims on delivered parcels in 90 days",
    hours_delivery_to_request_median_90d: 'refund requests typically {value} after delivery',
    request_within_24h_share_90d: '{value} of requests on delivered orders came within 24 hours of delivery',
    merchants_requested_90d: 'refund requests at {value} different shops in 90 days',
    merchants_refunded_90d: 'refunded by {value} different shops in 90 days',
    rejected_rate_365d: '{value} of decided refund requests were rejected (365 days)',
    escalated_rate_365d: '{value} of refund requests escalated to the platform (365 days)',
    refund_only_excess_90d: '{value} more refund-only requests than the shops bought from would explain (90 days)',
    refund_only_at_low_refund_merchants_90d: '{value} refund-only requests at shops that rarely get them (90 days)',
    low_reviews_after_rejection_365d: '{value} 1–2 star reviews after a rejected refund (365 days)',
    group_size: 'in a linked group of {value} accounts (device, address or payment)',
    group_refund_only_90d: '{value} refund-only requests across the linked accounts in 90 days',
    group_confirmed_abusers: '{value} linked accounts with confirmed abuse',
    requests_after_low_review_90d: '{value} refund requests after a 1–2 star review of the same order in 90 days',
    refund_only_365d: '{value} refund-only requests in 365 days',
    refund_only_order_rate_365d: '{value} of orders in 365 days ended in a refund-only request',
    not_received_on_delivered_365d: "{value} 'not received' claims on delivered parcels in 365 days",
    requests_after_low_review_365d: '{value} refund requests after a 1–2 star review of the same order in 365 days',
    merchants_requested_365d: 'refund requests at {value} different shops in 365 days',
    request_within_24h_share_365d:
      '{value} of requests on delivered orders came within 24 hours of delivery (365 days)',
    refund_only_full_amount_share_365d: '{value} of refund-only requests asked back the whole order (365 days)',
    abuser_shop_exposure_365d:
      "{value} the platform's share of orders from confirmed abusers at the shops bought from (365 days)",
  },
  // Estimates, not facts about the buyer: "expected" is a model of the shops' baselines and "excess" the difference
  // from it.
  // They inform the score; a reason quotes only what the buyer did.
  notReasons: ['refund_only_expected_90d', 'refund_only_excess_90d'],
  // for an unlinked buyer the group totals repeat the buyer's own counts
  reasonOnlyWhen: {
    group_size: { column: 'group_size', op: '>', threshold: 1 },
    group_refund_only_90d: { column: 'group_size', op: '>', threshold: 1 },
    group_confirmed_abusers: { column: 'group_size', op: '>', threshold: 1 },
  },
  betterWhen: {},
};
