// The what-if notebook's policy replay: who is gated, who the capacity reaches, what is stopped and who is burdened.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { replayRiskGated, sweepThresholds, type ReplayRequest } from '../../notebooks/lib/replayPolicy.ts';

const req = (id: string, over: Partial<ReplayRequest> = {}): ReplayRequest => ({
  request_id: id,
  week: '2026-10-26',
  buyer_id: `buyer-${id}`,
  category: 'apparel',
  kind: 'refund_only',
  amount: 100,
  buyer_risk: 0.9,
  merchant_tier: 'standard',
  buyer_confirmed_abuser: false,
  ...over,
});

describe('replayRiskGated', () => {
  const requests = [
    req('a', { buyer_risk: 0.9, amount: 100, buyer_confirmed_abuser: true }),
    req('b', { buyer_risk: 0.8, amount: 300 }), // expected loss 240: reviewed first
    req('c', { buyer_risk: 0.7, amount: 50, buyer_confirmed_abuser: true }),
    req('d', { buyer_risk: 0.3, amount: 500 }), // below threshold: paid
    req('e', { buyer_risk: null, amount: 80 }), // unscored: never gated
    req('f', { kind: 'return_and_refund', buyer_risk: 0.99 }),
  ];

  it('reviews gated refund-only requests by expected loss, up to capacity; the rest overflow and are paid', () => {
    const { outcomes, summary } = replayRiskGated(requests, { threshold: 0.5, capacity: 2 });
    expect(Object.fromEntries(outcomes)).toEqual({
      a: 'stopped',
      b: 'burdened',
      c: 'overflow',
      d: 'paid',
      e: 'paid',
      f: 'not_refund_only',
    });
    expect(summary).toMatchObject({
      refundOnlyRequests: 5,
      abusiveAmount: 150,
      gated: 3,
      reviewed: 2,
      overflow: 1,
      abusiveStopped: 100,
      honestBurdened: 1,
      honestBuyersBurdened: 1,
      precision: 0.5,
      weeks: 1,
      reviewsPerWeek: 2,
    });
    expect(summary.abusiveStoppedShare).toBeCloseTo(100 / 150);
    expect(summary.honestBurdenedRate).toBeCloseTo(1 / 3); // honest refund-only buyers: b, d, e
  });

  it('capacity applies per week', () => {
    const twoWeeks = [req('x', { week: '2026-10-19' }), req('y', { week: '2026-10-26' })];
    const { summary } = replayRiskGated(twoWeeks, { threshold: 0.5, capacity: 1 });
    expect(summary.reviewed).toBe(2);
    expect(summary.reviewsPerWeek).toBe(1);
  });

  it('exempt categories and merchant tiers keep refund-only', () => {
    const { outcomes } = replayRiskGated(
      [req('g', { category: 'fresh_food' }), req('h', { merchant_tier: 'at-risk' }), req('i')],
      {
        threshold: 0.5,
        capacity: 10,
        exemptCategories: ['fresh_food'],
        exemptMerchantTiers: ['at-risk'],
      },
    );
    expect(Object.fromEntries(outcomes)).toEqual({ g: 'exempt', h: 'exempt', i: 'burdened' });
  });

  it('weekly rows add up to the refund-only amount', () => {
    const { weekly } = replayRiskGated(requests, { threshold: 0.5, capacity: 2 });
    expect(weekly.reduce((t, w) => t + w.amount, 0)).toBe(100 + 300 + 50 + 500 + 80);
    expect(weekly.map((w) => w.outcome)).toEqual(['burdened', 'overflow', 'paid', 'stopped']);
  });

  it('a higher threshold never gates more requests (property)', () => {
    const arb = fc.array(
      fc.record({
        risk: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null }),
        amount: fc.integer({ min: 1, max: 1000 }),
        week: fc.constantFrom('w1', 'w2', 'w3'),
        abuser: fc.boolean(),
      }),
      { maxLength: 40 },
    );
    fc.assert(
      fc.property(
        arb,
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 0, max: 20 }),
        (rows, t1, t2, capacity) => {
          const requests = rows.map((r, i) =>
            req(String(i), { buyer_risk: r.risk, amount: r.amount, week: r.week, buyer_confirmed_abuser: r.abuser }),
          );
          const [lo, hi] = t1 <= t2 ? [t1, t2] : [t2, t1];
          const a = replayRiskGated(requests, { threshold: lo, capacity }).summary;
          const b = replayRiskGated(requests, { threshold: hi, capacity }).summary;
          return b.gated <= a.gated && a.reviewed <= a.gated && a.reviewsPerWeek <= capacity;
        },
      ),
    );
  });
});

describe('sweepThresholds', () => {
  it('returns one point per threshold, 0.05 to 0.95 by default', () => {
    const points = sweepThresholds([req('a', { buyer_confirmed_abuser: true })], { capacity: 5 });
    expect(points).toHaveLength(19);
    expect(points[0]).toEqual({ threshold: 0.05, abusiveStoppedShare: 1, honestBurdenedRate: 0, reviewsPerWeek: 1 });
    expect(points.at(-1)?.threshold).toBe(0.95);
  });
});
