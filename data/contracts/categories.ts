// The closed vocabularies of the input contracts, shared by contracts, generator, features and policies.
export const CATEGORIES = ['fresh_food', 'electronics', 'apparel', 'home', 'beauty', 'grocery', 'other'] as const;
export type Category = (typeof CATEGORIES)[number];

export const REFUND_KINDS = ['refund_only', 'return_and_refund', 'exchange'] as const;
export const REFUND_REASONS = [
  'not_received',
  'damaged',
  'not_as_described',
  'quality',
  'wrong_item',
  'no_reason_7day',
  'other',
] as const;
/** Reasons that report a defective product (not a delivery problem or a change of mind). */
export const DEFECT_REASONS = [
  'not_as_described',
  'quality',
  'damaged',
  'wrong_item',
] as const satisfies readonly (typeof REFUND_REASONS)[number][];
export const REFUND_STATUSES = ['pending', 'approved', 'rejected', 'withdrawn'] as const;
export const DECIDERS = ['merchant', 'platform', 'auto'] as const;
export const MERCHANT_ACTIONS = [
  'spot_check_pass',
  'spot_check_fail',
  'warning',
  'point_deduction',
  'demotion',
  'suspension',
  'closure',
] as const;
/** Actions that make a merchant a positive for the trust model. */
export const SERIOUS_ACTIONS = ['point_deduction', 'demotion', 'suspension', 'closure'] as const;
export const VERDICTS = ['confirmed_abuse', 'cleared'] as const;
