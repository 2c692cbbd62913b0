// The penalty ladder's recommended actions, mildest first, and their plain words.
export const ACTIONS = [
  'none',
  'warning',
  'rectification',
  'demotion',
  'point_deduction',
  'suspension',
  'closure',
] as const;
export type LadderAction = (typeof ACTIONS)[number];

/** Plain words for each action, as the pages and CSV show them. */
export const ACTION_LABELS: Record<LadderAction, string> = {
  none: 'no action',
  warning: 'warning',
  rectification: 'rectification with a deadline',
  demotion: 'demotion in search',
  point_deduction: 'point deduction',
  suspension: 'suspension',
  closure: 'closure',
};
