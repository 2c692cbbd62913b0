// The penalty ladder's levels, mildest first, and the active points each needs (from config govern.ladder).
import type { GovernConfig } from '../../../data/config/governSchema.ts';

export const ACTIONS = ['none', 'warning', 'rectification', 'demotion', 'point_deduction', 'suspension', 'closure'] as const;
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

/** Points needed for levels 1..6 (warning … closure), rising. */
export function levelThresholds(ladder: GovernConfig['ladder']): number[] {
  return [ladder.warningPoints, ladder.rectificationPoints, ladder.demotionPoints, ladder.pointDeductionPoints, ladder.suspensionPoints, ladder.closurePoints];
}

/** The highest level whose threshold the points reach (0 = none). */
export function levelForPoints(points: number, thresholds: readonly number[]): number {
  let level = 0;
  for (const [i, t] of thresholds.entries()) if (points >= t) level = i + 1;
  return level;
}
