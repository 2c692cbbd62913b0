// The active points each level of the penalty ladder needs (config govern.ladder), and the level some points reach.
import type { GovernConfig } from '../../../data/config/governSchema.ts';

/** Points needed for levels 1..6 (warning … closure), rising. */
export function levelThresholds(ladder: GovernConfig['ladder']): number[] {
  return [
    ladder.warningPoints,
    ladder.rectificationPoints,
    ladder.demotionPoints,
    ladder.pointDeductionPoints,
    ladder.suspensionPoints,
    ladder.closurePoints,
  ];
}

/** The highest level whose threshold the points reach (0 = none). */
export function levelForPoints(points: number, thresholds: readonly number[]): number {
  let level = 0;
  for (const [i, t] of thresholds.entries()) if (points >= t) level = i + 1;
  return level;
}
