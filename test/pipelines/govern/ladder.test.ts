// The penalty ladder: points per violation, escalation (with repeats costing more), decay, and the weekly step limit.
import { describe, expect, it } from 'vitest';
import { configSchema } from '../../../data/config/configSchema.ts';
import { weeksEnding } from '../../../data/time/isoDate.ts';
import {
  applyLadder,
  type MerchantWeekViolations,
  type Violation,
} from '../../../pipelines/govern/ladder/applyLadder.ts';

// Points to reach: warning 1, rectification 6, demotion 12, point deduction 28, suspension 48, closure 72.
const ladder = configSchema.parse({}).govern.ladder;
const WEEKS = weeksEnding('2026-03-02', 12);
const W = (i: number) => WEEKS[i]!;

const late: Violation = {
  standard: 'ticket_response_late',
  points: 2,
  text: 'Tickets answered late: 5 of 9 service tickets',
};
const refused: Violation = {
  standard: 'no_reason_refused',
  points: 3,
  text: '7-day no-reason returns refused: 2 of 2',
};
const fails = (merchantId: string, week: number, ...violations: Violation[]): MerchantWeekViolations => ({
  merchantId,
  asOf: W(week),
  violations,
});

describe('applyLadder', () => {
  it('a first violation earns its points and a warning, with the violation in words', () => {
    const [r, ...rest] = applyLadder(WEEKS, [fails('m1', 0, late)], ladder);
    expect(r).toEqual({
      asOf: W(0),
      merchantId: 'm1',
      level: 1,
      action: 'warning',
      previousAction: 'none',
      targetAction: 'warning',
      change: 'escalated',
      pointsWeek: 2,
      pointsActive: 2,
      violations: [`${W(0)}: Tickets answered late: 5 of 9 service tickets — 2 points`],
      violationCount: 1,
      deadline: null,
    });
    // the points stay active for 8 weeks (the warning too), then the merchant comes off the ladder
    expect(rest.map((x) => [x.asOf, x.action, x.pointsActive])).toEqual([
      ...[1, 2, 3, 4, 5, 6, 7].map((i) => [W(i), 'warning', 2]),
      [W(8), 'none', 0],
    ]);
    expect(rest.at(-1)).toMatchObject({ change: 'de-escalated', violations: [], previousAction: 'warning' });
  });

  it('a repeat of the same standard within 4 weeks costs double; another standard does not count as a repeat', () => {
    const recs = applyLadder(
      WEEKS,
      [fails('m1', 0, late), fails('m1', 2, late, refused), fails('m1', 7, late)],
      ladder,
    );
    const at = (i: number) => recs.find((r) => r.asOf === W(i))!;
    expect(at(2)).toMatchObject({ pointsWeek: 4 + 3, pointsActive: 2 + 7 });
    expect(at(2).violations[0]).toBe(
      `${W(2)}: Tickets answered late: 5 of 9 service tickets — 4 points (repeat within 4 weeks, ×2)`,
    );
    expect(at(2).violations[1]).toBe(`${W(2)}: 7-day no-reason returns refused: 2 of 2 — 3 points`);
    // five weeks after the last failure of that standard: no repeat any more
    expect(at(7)).toMatchObject({ pointsWeek: 2 });
  });

  it('escalates one level a week at most, even when the points support more, and says so', () => {
    const input = [0, 1, 2, 3].map((i) =>
      fails('m1', i, late, refused, { ...late, standard: 'attitude_complaints', points: 10 }),
    );
    const recs = applyLadder(WEEKS, input, ladder).slice(0, 4);
    expect(recs.map((r) => [r.action, r.targetAction, r.pointsActive])).toEqual([
      ['warning', 'demotion', 15],
      ['rectification', 'point_deduction', 15 + 30],
      ['demotion', 'closure', 45 + 30],
      ['point_deduction', 'closure', 75 + 30],
    ]);
    expect(recs[1]).toMatchObject({ asOf: '2025-12-22', deadline: '2026-01-05' }); // rectification: the week's date + 14 days
    expect(recs.map((r) => r.change)).toEqual(['escalated', 'escalated', 'escalated', 'escalated']);
  });

  it('honours a larger step limit', () => {
    const input = [0, 1].map((i) => fails('m1', i, { ...late, points: 30 }));
    const recs = applyLadder(WEEKS, input, { ...ladder, maxStepsPerWeek: 3 });
    expect(recs.slice(0, 2).map((r) => r.action)).toEqual(['demotion', 'closure']);
  });

  it('decays: points expire after decayWeeks and the level falls back at once', () => {
    const input = [0, 1, 2, 3, 4, 5].map((i) => fails('m1', i, { ...late, points: 5 }));
    const recs = applyLadder(WEEKS, input, { ...ladder, decayWeeks: 3, repeatWindowWeeks: 0 });
    expect(recs.map((r) => [r.asOf, r.pointsActive, r.action])).toEqual([
      [W(0), 5, 'warning'],
      [W(1), 10, 'rectification'],
      [W(2), 15, 'demotion'],
      [W(3), 15, 'demotion'], // the week-0 points expired as week 3's came in
      [W(4), 15, 'demotion'],
      [W(5), 15, 'demotion'],
      [W(6), 10, 'rectification'],
      [W(7), 5, 'warning'],
      [W(8), 0, 'none'],
    ]);
  });

  it('keeps merchants apart and skips merchants never on the ladder', () => {
    const recs = applyLadder(WEEKS, [fails('m2', 3, refused), fails('m1', 5, late)], ladder);
    expect([...new Set(recs.map((r) => r.merchantId))]).toEqual(['m1', 'm2']);
    expect(recs.find((r) => r.merchantId === 'm2')).toMatchObject({ asOf: W(3), pointsActive: 3 });
  });

  it('refuses a week that is not one of the scorecard weeks', () => {
    expect(() => applyLadder(WEEKS, [{ merchantId: 'm1', asOf: '2026-03-03', violations: [late] }], ladder)).toThrow(
      'applyLadder: week 2026-03-03 of merchant m1 is not one of the scorecard weeks',
    );
  });

  it('emits only the weeks asked for, with the state the replay reached there from the first week', () => {
    const input = [fails('m1', 0, late), fails('m1', 2, late, refused), fails('m1', 3, refused), fails('m2', 4, late)];
    const all = applyLadder(WEEKS, input, ladder);
    const week5 = applyLadder(WEEKS, input, ladder, (w) => w === W(5));
    expect(week5).toEqual(all.filter((r) => r.asOf === W(5)));
    expect(week5.map((r) => [r.merchantId, r.action, r.previousAction])).toEqual([
      ['m1', 'demotion', 'demotion'], // 2 + 4 + 3 + 6 active points, reached one step a week
      ['m2', 'warning', 'warning'],
    ]);
  });
});
