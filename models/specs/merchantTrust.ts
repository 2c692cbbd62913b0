// The merchant-trust model: merchant features (abuse exposure left out), the serious-action label, baselines and reason
// wording.
import { CONFIG_DEFAULTS } from '../../data/config/configSchema.ts';
import { SERIOUS_ACTIONS } from '../../data/contracts/index.ts';
import type { ModelSpec } from './modelSpec.ts';

export const MERCHANT_TRUST_SPEC: ModelSpec = {
  name: 'merchant-trust',
  entity: 'merchant',
  idColumn: 'merchant_id',
  featureTable: 'feat_merchant',
  labelDefinition:
    `Positive: the merchant receives a serious action (${SERIOUS_ACTIONS.join(', ')}) in the ` +
    `labels.merchantHorizonDays (default ${CONFIG_DEFAULTS.labels.merchantHorizonDays}) days from the feature snapshot, before the training date; so only snapshots ` +
    'at least that old are used. Trust = 100 × (1 − calibrated probability).',
  labelHorizonDays: 'labels.merchantHorizonDays',
  // Exposure features (requests from flagged buyers) are left out on purpose: if targeted shops happened to be
  // penalised,
  // the forest would learn to distrust shops for being targeted, which the product rules out
  // (a shop must not lose trust because abusers target it).
  features: [
    'merchant_age_days',
    'orders_90d',
    'gmv_90d',
    'orders_365d',
    'fresh_food_order_share_90d',
    'electronics_order_share_90d',
    'late_shipment_rate_90d',
    'cancellation_rate_90d',
    'delivery_days_median_90d',
    'refund_request_rate_90d',
    'refund_only_rate_90d',
    'product_defect_rate_90d',
    'spot_checks_failed_365d',
    'order_defect_rate_90d',
    'order_defect_rate_30d',
    'order_defect_trend_30v90',
    'rating_avg_90d',
    'rating_avg_30d',
    'rating_trend_30v90',
    'described_avg_90d',
    'service_avg_90d',
    'logistics_avg_90d',
    'low_rating_share_90d',
    'request_response_hours_median_90d',
    'request_response_hours_p90_90d',
    'auto_refunds_no_answer_90d',
    'auto_refund_rate_90d',
    'no_reason_7day_rejection_rate_90d',
    'actions_365d',
    'serious_actions_365d',
    // A small shop's 90 days are few orders; its year shows a steady problem with less noise.
    'late_shipment_rate_365d',
    'product_defect_rate_365d',
    'order_defect_rate_365d',
    'low_rating_share_365d',
    // Rates adjusted toward the marketplace for shops with few orders, returns or tickets (feat_merchant.sql). Tickets
    // come a handful a quarter, so the raw 90-day ticket measures (still in feat_merchant and on the scorecard) ranked
    // good shops with one slow or unresolved ticket below real offenders; the adjusted year replaces them here. Late
    // shipment and refused no-reason returns, steady problems that penalties follow less often, get an adjusted year
    // too. On the ten marketplaces of `trustlens evaluate --seeds 42,97,7,1234,2027 --sizes 12k,20k`, truth ROC-AUC
    // of trust went from 0.907–0.943 (mean 0.928) to 0.937–0.974 (mean 0.950).
    // The model reads them over the marketplace's rate of the date (feat_merchant.sql): a shop without evidence sits at
    // the marketplace's rate, which drifts, and with it 40–60% of the shops; over it, they read 1 at every date.
    'late_shipment_vs_marketplace_365d',
    'no_reason_refusal_vs_marketplace_365d',
    'ticket_resolution_vs_marketplace_365d',
    'ticket_slow_response_vs_marketplace_365d',
    'ticket_satisfaction_vs_marketplace_365d',
    'attitude_complaints_vs_marketplace_365d',
    // The worst and second-worst of those six standards as a percentile of the shops at the date. Each kind of
    // offender is rare (17 shops refusing returns among 1,000 at 20k buyers, seed 11), so the forest meets too few
    // penalised ones to learn each standard apart; penalties follow a breach of any standard, and these pool the kinds.
    // A model retrained with them on the kept warehouses of `trustlens evaluate` (seeds 42, 97, 7, 1234, 2027, 11, 23
    // at 12k and 20k) ranked problem shops with truth ROC-AUC min 0.932 / mean 0.956, against 0.914 / 0.948 without;
    // the worst alone gave min 0.926, the five after-sales standards alone 0.920. On seeds 5 and 31, tried after:
    // 0.944–0.967 (mean 0.954) against 0.938–0.962 (mean 0.950).
    'worst_standard_pct_365d',
    'second_worst_standard_pct_365d',
  ],
  derived: [],
  // ~300 positive rows in 12 snapshots: shallow trees with large leaves. Deeper trees (8 / 10) fitted the timing of
  // penalties better (held-out AUC +0.04) but ranked truly problematic shops worse against the generator's truth.
  // Many trees and leaves of 50 rows keep a shop's rank steady across retrains: trained a week apart on the default
  // marketplace without new labels, 100 trees with leaves of 20 moved 10.8% of shops across tiers, 500 trees with
  // leaves of 50 moved 2.5%, and truth ROC-AUC held (0.934–0.947 against 0.950–0.956). A shop model is cheap to grow.
  forest: { maxDepth: 6, minSamplesLeaf: 50, maxFeatures: 'sqrt', maxBins: 64, classWeight: null, sampleFraction: 1 },
  nTrees: 500,
  // ~80 held-out positives: isotonic steps overfit (folds produced probability 1.0); Platt is smooth and strictly
  // monotone.
  calibration: 'platt',
  negativeSampleRate: 1,
  refitOnAllSnapshots: false,
  // Merchants a quality team can audit in a week.
  k: 50,
  baselines: [
    {
      name: 'order defect rate > 1%',
      description: "Amazon's order defect rate target: flag merchants whose 90-day ODR exceeds 1%.",
      anyOf: [{ column: 'order_defect_rate_90d', op: '>', threshold: 0.01 }],
    },
    {
      name: 'late shipment > 4%',
      description: "Amazon's late shipment rate target: flag merchants shipping more than 4% of orders late.",
      anyOf: [{ column: 'late_shipment_rate_90d', op: '>', threshold: 0.04 }],
    },
    {
      name: 'cancellation > 2.5%',
      description: "Amazon's pre-fulfilment cancel rate target: flag merchants cancelling more than 2.5% of orders.",
      anyOf: [{ column: 'cancellation_rate_90d', op: '>', threshold: 0.025 }],
    },
    {
      name: 'any Amazon threshold',
      description:
        'Flag merchants breaking any of the three Amazon targets (ODR > 1%, late shipment > 4%, cancellation > 2.5%).',
      anyOf: [
        { column: 'order_defect_rate_90d', op: '>', threshold: 0.01 },
        { column: 'late_shipment_rate_90d', op: '>', threshold: 0.04 },
        { column: 'cancellation_rate_90d', op: '>', threshold: 0.025 },
      ],
    },
  ],
  reasonTemplates: {
    merchant_age_days: 'shop open for {value}',
    late_shipment_rate_90d: '{value} of orders shipped late in 90 days',
    cancellation_rate_90d: '{value} of orders cancelled before shipping in 90 days',
    delivery_days_median_90d: 'orders typically take {value} to arrive',
    refund_request_rate_90d: '{value} of orders drew a refund request in 90 days',
    refund_only_rate_90d: '{value} of orders drew a refund-only request in 90 days',
    product_defect_rate_90d: '{value} of orders reported damaged, faulty, wrong or not as described in 90 days',
    spot_checks_failed_365d: '{value} failed platform spot checks in 365 days',
    order_defect_rate_90d: 'order defect rate {value} in 90 days',
    order_defect_rate_30d: 'order defect rate {value} in the last 30 days',
    order_defect_trend_30v90: 'order defect rate moved {value} in the last 30 days',
    rating_avg_90d: 'average rating {value} stars in 90 days',
    rating_avg_30d: 'average rating {value} stars in the last 30 days',
    rating_trend_30v90: 'average rating moved {value} stars in the last 30 days',
    described_avg_90d: '"item as described" rated {value} stars',
    service_avg_90d: '"service attitude" rated {value} stars',
    logistics_avg_90d: '"logistics speed" rated {value} stars',
    low_rating_share_90d: '{value} of reviews were 1–2 stars in 90 days',
    request_response_hours_median_90d: 'answers refund requests in {value} (median)',
    request_response_hours_p90_90d: '1 in 10 refund requests waits over {value} for an answer',
    ticket_response_hours_median_90d: 'answers service tickets in {value} (median)',
    ticket_response_hours_p90_90d: '1 in 10 service tickets waits over {value} for an answer',
    ticket_resolution_rate_90d: '{value} of service tickets resolved',
    ticket_satisfaction_avg_90d: 'service tickets rated {value} stars',
    attitude_complaints_per_1k_orders_90d: '{value} service-attitude complaints per 1,000 orders',
    auto_refunds_no_answer_90d: '{value} refunds granted automatically for lack of an answer in 90 days',
    auto_refund_rate_90d: '{value} of refund requests went unanswered and were auto-approved',
    no_reason_7day_rejection_rate_90d: '{value} of 7-day no-reason returns rejected',
    actions_365d: '{value} platform penalties in 365 days',
    serious_actions_365d: '{value} serious platform penalties in 365 days',
    late_shipment_rate_365d: '{value} of orders shipped late in 365 days',
    product_defect_rate_365d: '{value} of orders reported damaged, faulty, wrong or not as described in 365 days',
    order_defect_rate_365d: 'order defect rate {value} in 365 days',
    low_rating_share_365d: '{value} of reviews were 1–2 stars in 365 days',
    late_shipment_rate_adj_365d: 'about {value} of orders shipped late in 365 days (allowing for few orders)',
    no_reason_7day_refusal_rate_adj_365d:
      'about {value} of 7-day no-reason returns refused in 365 days (allowing for few returns)',
    ticket_resolution_rate_adj_365d: 'about {value} of service tickets resolved in 365 days (allowing for few tickets)',
    ticket_slow_response_rate_adj_365d:
      'about {value} of service tickets waited over 24 hours for an answer in 365 days (allowing for few tickets)',
    ticket_satisfaction_adj_365d: 'service tickets rated about {value} stars in 365 days (allowing for few ratings)',
    attitude_complaints_per_1k_orders_adj_365d:
      'about {value} service-attitude complaints per 1,000 orders in 365 days (allowing for few orders)',
    late_shipment_vs_marketplace_365d:
      'late shipment at {value} the marketplace rate in 365 days (allowing for few orders)',
    no_reason_refusal_vs_marketplace_365d:
      '7-day no-reason returns refused at {value} the marketplace rate in 365 days (allowing for few returns)',
    ticket_resolution_vs_marketplace_365d:
      'service tickets resolved at {value} the marketplace rate in 365 days (allowing for few tickets)',
    ticket_slow_response_vs_marketplace_365d:
      'service tickets waiting over 24 hours at {value} the marketplace rate in 365 days (allowing for few tickets)',
    ticket_satisfaction_vs_marketplace_365d:
      'service-ticket ratings at {value} the marketplace average in 365 days (allowing for few ratings)',
    attitude_complaints_vs_marketplace_365d:
      'service-attitude complaints at {value} the marketplace rate in 365 days (allowing for few orders)',
    worst_standard_pct_365d: 'weakest service standard of the year worse than {value} of shops',
    second_worst_standard_pct_365d: 'second-weakest service standard of the year worse than {value} of shops',
  },
  // Size, age and category mix change how likely a penalty is, but a shop cannot fix them: they are never the reason
  // shown.
  notReasons: [
    'merchant_age_days',
    'orders_90d',
    'gmv_90d',
    'orders_365d',
    'fresh_food_order_share_90d',
    'electronics_order_share_90d',
  ],
  reasonOnlyWhen: {},
  betterWhen: {
    late_shipment_rate_90d: 'lower',
    cancellation_rate_90d: 'lower',
    delivery_days_median_90d: 'lower',
    refund_request_rate_90d: 'lower',
    refund_only_rate_90d: 'lower',
    product_defect_rate_90d: 'lower',
    spot_checks_failed_365d: 'lower',
    order_defect_rate_90d: 'lower',
    order_defect_rate_30d: 'lower',
    order_defect_trend_30v90: 'lower',
    rating_avg_90d: 'higher',
    rating_avg_30d: 'higher',
    rating_trend_30v90: 'higher',
    described_avg_90d: 'higher',
    service_avg_90d: 'higher',
    logistics_avg_90d: 'higher',
    low_rating_share_90d: 'lower',
    request_response_hours_median_90d: 'lower',
    request_response_hours_p90_90d: 'lower',
    ticket_response_hours_median_90d: 'lower',
    ticket_response_hours_p90_90d: 'lower',
    ticket_resolution_rate_90d: 'higher',
    ticket_satisfaction_avg_90d: 'higher',
    attitude_complaints_per_1k_orders_90d: 'lower',
    auto_refunds_no_answer_90d: 'lower',
    auto_refund_rate_90d: 'lower',
    no_reason_7day_rejection_rate_90d: 'lower',
    actions_365d: 'lower',
    serious_actions_365d: 'lower',
    late_shipment_rate_adj_365d: 'lower',
    no_reason_7day_refusal_rate_adj_365d: 'lower',
    ticket_resolution_rate_adj_365d: 'higher',
    ticket_slow_response_rate_adj_365d: 'lower',
    ticket_satisfaction_adj_365d: 'higher',
    attitude_complaints_per_1k_orders_adj_365d: 'lower',
    late_shipment_vs_marketplace_365d: 'lower',
    no_reason_refusal_vs_marketplace_365d: 'lower',
    ticket_resolution_vs_marketplace_365d: 'higher',
    ticket_slow_response_vs_marketplace_365d: 'lower',
    ticket_satisfaction_vs_marketplace_365d: 'higher',
    attitude_complaints_vs_marketplace_365d: 'lower',
    worst_standard_pct_365d: 'lower',
    second_worst_standard_pct_365d: 'lower',
  },
};
