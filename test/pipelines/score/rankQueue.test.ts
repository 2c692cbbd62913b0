// The queue's rules: handled accounts apart and taking no capacity, risk and expected-loss floors, a short queue that
// says why.
import { describe, expect, it } from 'vitest';
import { rankQueue, shortQueueReason, type HandledCase } from '../../../pipelines/score/rankQueue.ts';

const rows = [
  { buyer_id: 'a', risk: 0.9, expected_loss: 90 },
  { buyer_id: 'b', risk: 0.6, expected_loss: 300 },
  { buyer_id: 'c', risk: 0.3, expected_loss: 120 },
  { buyer_id: 'd', risk: 0.11, expected_loss: 500 },
  { buyer_id: 'e', risk: 0.7, expected_loss: 4 },
  { buyer_id: 'f', risk: 0.4, expected_loss: 120 },
  { buyer_id: 'g', risk: 0.02, expected_loss: 0 },
];
const confirmed: HandledCase = { handled_as: 'confirmed_abuse', since: '2026-10-01 09:00', case_id: 'c1' };
const open: HandledCase = { handled_as: 'open_investigation', since: '2026-10-20 12:00', case_id: 'c2' };
const rules = { capacity: 3, minRisk: 0.2, minExpectedLoss: 10 };
const ranked = (plan: ReturnType<typeof rankQueue>, by: 'queueRank' | 'handledRank') =>
  [...plan[by]].sort((x, y) => x[1] - y[1]).map(([row]) => rows[row]!.buyer_id);

describe('rankQueue', () => {
  it('ranks by expected loss, ties by risk then id, up to capacity', () => {
    const plan = rankQueue(rows, new Map(), rules);
    expect(ranked(plan, 'queueRank')).toEqual(['b', 'f', 'c']);
  });

  it('keeps confirmed and investigated accounts out of the queue, listed apart in queue order, taking no capacity', () => {
    const plan = rankQueue(
      rows,
      new Map([
        ['b', confirmed],
        ['a', open],
      ]),
      rules,
    );
    expect(ranked(plan, 'queueRank')).toEqual(['f', 'c']);
    expect(ranked(plan, 'handledRank')).toEqual(['b', 'a']);
    expect(plan.summary).toMatchObject({ queued: 2, handled: 2 });
  });

  it('lists a handled account apart only when it is above both floors', () => {
    const plan = rankQueue(
      rows,
      new Map([
        ['e', confirmed],
        ['b', open],
      ]),
      rules,
    );
    expect(ranked(plan, 'handledRank')).toEqual(['b']);
  });

  it('never admits an account below the risk floor, whatever its expected loss', () => {
    const plan = rankQueue(rows, new Map(), { ...rules, capacity: 10 });
    expect(ranked(plan, 'queueRank')).not.toContain('d');
    expect(plan.summary.belowRiskFloor).toBe(2);
  });

  it('never admits an account below the expected-loss floor, whatever its risk', () => {
    const plan = rankQueue(rows, new Map(), { ...rules, capacity: 10 });
    expect(ranked(plan, 'queueRank')).toEqual(['b', 'f', 'c', 'a']);
    expect(plan.summary.belowLossFloor).toBe(1);
  });

  it('gives a short queue on a quiet week, and says why', () => {
    const quiet = rows.map((r) => ({ ...r, expected_loss: 0 }));
    const plan = rankQueue(quiet, new Map([['a', confirmed]]), rules);
    expect(plan.queueRank.size).toBe(0);
    expect(shortQueueReason(plan.summary)).toBe(
      'queue 0 of 3: only 0 accounts not already handled reached risk ≥ 0.2 and expected loss ≥ 10 (review.minRisk, review.minExpectedLoss); ' +
        '2 below the risk floor, 4 below the expected-loss floor, 0 already handled',
    );
  });

  it('says nothing when the queue is full', () => {
    expect(shortQueueReason(rankQueue(rows, new Map(), rules).summary)).toBeNull();
  });
});
