// The held week crosses to decide's worker threads as columns and comes back as the same Maps of the same values.
import { describe, expect, it } from 'vitest';
import type { DeciderState } from '../../../pipelines/decide/deciderState.ts';
import { packState, unpackState } from '../../../pipelines/decide/packState.ts';

const snapshot = (x: number) => ({
  orders365d: x,
  spend365d: 900,
  requests90d: 1,
  refundOnly30d: 0,
  refundOnly90d: NaN,
  notReceivedOnDelivered90d: 0,
  within24hShare90d: -0.5,
  refundOnlyExcess90d: 0,
  merchantsRequested90d: 1,
  refundOnlyAtLowRefund90d: 0,
  lowReviewsAfterRejection365d: 0,
  hoursToRequestMedian90d: 30,
});

const state: Omit<DeciderState, 'requestModel'> = {
  scoresAsOf: '2026-11-02',
  buyers: new Map([
    ['b1', { registeredMs: 1_735_689_600_000, snapshot: snapshot(12), risk: 0.01, tier: 'normal' }],
    ['b2', { registeredMs: NaN, snapshot: null, risk: null, tier: null }],
    ['b3', { registeredMs: 0, snapshot: snapshot(0), risk: 0, tier: 'high' }],
  ]),
  merchants: new Map([
    [
      'm1',
      {
        snapshot: { orders90d: 300, refundOnlyRate90d: 0.02, productDefectRate90d: NaN, abuserRequestShare90d: 0.05 },
        trust: 97.5,
        tier: 'top-rated',
      },
    ],
    ['m2', { snapshot: null, trust: null, tier: null }],
  ]),
  orders: new Map([
    [
      'o1',
      {
        buyerId: 'b1',
        merchantId: 'm1',
        category: 'home',
        amount: 80,
        createdMs: 1,
        promisedShipMs: 2,
        deliveredMs: NaN,
        firstLowReviewMs: NaN,
      },
    ],
    [
      'o2',
      {
        buyerId: 'b2',
        merchantId: 'm2',
        category: 'électronique "x"',
        amount: 0.1,
        createdMs: -5,
        promisedShipMs: NaN,
        deliveredMs: 7,
        firstLowReviewMs: 8,
      },
    ],
  ]),
  groups: new Map([
    ['b2', ['b2', 'b3']],
    ['b3', ['b2', 'b3']],
  ]),
  confirmedMs: new Map([['b3', 1_759_276_800_000]]),
};

describe('packState', () => {
  it('unpacks to the same week: unknown (null) kept apart from NaN, snapshots absent where they were', () => {
    const back = unpackState(structuredClone(packState({ ...state, requestModel: null })));
    expect(back).toEqual(state);
    expect([...back.orders.keys()]).toEqual(['o1', 'o2']);
    expect(back.buyers.get('b2')).toEqual({ registeredMs: NaN, snapshot: null, risk: null, tier: null });
    expect(back.buyers.get('b3')!.risk).toBe(0);
  });
});
