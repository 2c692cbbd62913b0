// One metric of one scenario and segment, with its 95% bootstrap interval (null where not applicable).
export type SimResultRow = {
  scenario: string;
  segment: string;
  metric: string;
  value: number;
  lo: number | null;
  hi: number | null;
};

/** Metric names the report page reads; every scenario writes these for the overall segment (review_capacity only when capped). */
export const KEY_METRICS = [
  'requests',
  'requests_instant_refund',
  'requests_refund_after_return',
  'requests_manual_review',
  'requests_reject',
  'requests_as_recorded',
  'abusive_amount_stopped_confirmed',
  'abusive_amount_stopped_expected',
  'abusive_amount_paid_confirmed',
  'honest_burdened',
  'honest_burdened_rate',
  'new_buyer_burdened',
  'new_buyer_burdened_rate',
  'merchant_loss',
  'platform_cost',
  'honest_buyer_cost',
  'review_workload',
  'review_capacity',
  'review_overflow',
  'median_days_to_refund_honest',
  'requests_unscored',
] as const;
