// The penalty ladder: points per violation that expire, repeats that cost more, and at most N steps up a week.
import { addDays } from '../../../data/time/isoDate.ts';
import type { GovernConfig } from '../../../data/config/governSchema.ts';
import { ACTIONS, type LadderAction } from '../../../data/vocabulary/ladderActions.ts';
import { levelForPoints, levelThresholds } from './ladderLevels.ts';

export interface Violation {
  /** Standard id (merchant_scorecard.standard). */
  standard: string;
  /** Points of one failure of this standard (config govern.standards.<key>.points). */
  points: number;
  /** The failure in plain words with its numbers. */
  text: string;
}

/** A merchant's failed standards in one scorecard week; weeks without failures may be left out. */
export interface MerchantWeekViolations {
  merchantId: string;
  asOf: string;
  violations: Violation[];
}

export type LadderChange = 'escalated' | 'de-escalated' | 'unchanged';

export interface Recommendation {
  asOf: string;
  merchantId: string;
  level: number;
  action: LadderAction;
  previousAction: LadderAction;
  /** The level the active points alone support, before the weekly step limit. */
  targetAction: LadderAction;
  change: LadderChange;
  /** Points earned this week (repeats multiplied) and still active (earned within decayWeeks). */
  pointsWeek: number;
  pointsActive: number;
  /** Every violation behind the active points, newest first, each with its week and points. */
  violations: string[];
  violationCount: number;
  /** Rectification only: the date by which the merchant must fix the failures. */
  deadline: string | null;
}

interface Earned {
  week: number;
  points: number;
  line: string;
}

/**
 * Runs the ladder over `weeks` (the scorecard dates, oldest first) from a clean slate. For each merchant and week:
 * each failed standard earns its points, times `repeatMultiplier` when the same standard also failed in the
 * `repeatWindowWeeks` weeks before; points count for `decayWeeks` weeks (this one included); the level is the highest
 * whose threshold the active points reach, but never more than `maxStepsPerWeek` above last week's, and it falls back
 * as soon as points expire. A row is returned for every merchant-week with a level or points, and for the week a
 * merchant returns to no action; with `emit`, only for the weeks it accepts (the replay still runs over every week).
 */
export function applyLadder(
  weeks: readonly string[],
  input: readonly MerchantWeekViolations[],
  ladder: GovernConfig['ladder'],
  emit?: (asOf: string) => boolean,
): Recommendation[] {
  const weekIndex = new Map(weeks.map((w, i) => [w, i]));
  const byMerchant = new Map<string, Map<number, Violation[]>>();
  for (const row of input) {
    const k = weekIndex.get(row.asOf);
    if (k === undefined)
      throw new Error(`applyLadder: week ${row.asOf} of merchant ${row.merchantId} is not one of the scorecard weeks`);
    let m = byMerchant.get(row.merchantId);
    if (!m) byMerchant.set(row.merchantId, (m = new Map()));
    m.set(k, [...(m.get(k) ?? []), ...row.violations]);
  }
  const thresholds = levelThresholds(ladder);
  const out: Recommendation[] = [];
  for (const merchantId of [...byMerchant.keys()].sort()) {
    const failures = byMerchant.get(merchantId)!;
    const lastFailed = new Map<string, number>();
    const earned: Earned[] = [];
    let level = 0;
    for (const [k, asOf] of weeks.entries()) {
      let pointsWeek = 0;
      for (const v of failures.get(k) ?? []) {
        const last = lastFailed.get(v.standard);
        const repeat = last !== undefined && k - last <= ladder.repeatWindowWeeks;
        const points = v.points * (repeat ? ladder.repeatMultiplier : 1);
        lastFailed.set(v.standard, k);
        pointsWeek += points;
        earned.push({
          week: k,
          points,
          line: `${asOf}: ${v.text} — ${fmtPoints(points)}${repeat ? ` (repeat within ${ladder.repeatWindowWeeks} weeks, ×${ladder.repeatMultiplier})` : ''}`,
        });
      }
      const active = earned.filter((e) => e.week > k - ladder.decayWeeks);
      const pointsActive = active.reduce((s, e) => s + e.points, 0);
      const target = levelForPoints(pointsActive, thresholds);
      const previous = level;
      level = target > previous ? Math.min(target, previous + ladder.maxStepsPerWeek) : target;
      if (level === 0 && previous === 0 && pointsWeek === 0 && pointsActive === 0) continue;
      if (emit && !emit(asOf)) continue;
      const action = ACTIONS[level]!;
      out.push({
        asOf,
        merchantId,
        level,
        action,
        previousAction: ACTIONS[previous]!,
        targetAction: ACTIONS[target]!,
        change: level > previous ? 'escalated' : level < previous ? 'de-escalated' : 'unchanged',
        pointsWeek,
        pointsActive,
        // newest week first; within a week, in the order the scorecard lists them
        violations: [...active].sort((a, b) => b.week - a.week).map((e) => e.line),
        violationCount: active.length,
        deadline: action === 'rectification' ? addDays(asOf, ladder.rectificationDays) : null,
      });
    }
  }
  return out;
}

function fmtPoints(p: number): string {
  const n = Number.isInteger(p) ? String(p) : p.toFixed(1);
  return `${n} point${p === 1 ? '' : 's'}`;
}
