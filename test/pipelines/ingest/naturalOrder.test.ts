// Files of one table load in natural path order: the later week's file, and its versions of rows, come last.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { naturalOrder } from '../../../pipelines/ingest/naturalOrder.ts';

describe('naturalOrder', () => {
  it('compares numbers in names as numbers, the rest by code point (equal numbers: plain order)', () => {
    expect(
      [
        'refund_requests_w10.csv',
        'refund_requests_w9.csv',
        'refund_requests_w009.csv',
        'refund_requests_w1.csv',
        'refund_requests.csv',
        'refund_requests_W2.csv',
        '2026-11/orders.csv',
        '2026-2/orders.csv',
      ].sort(naturalOrder),
    ).toEqual([
      '2026-2/orders.csv',
      '2026-11/orders.csv',
      'refund_requests.csv',
      'refund_requests_W2.csv',
      'refund_requests_w1.csv',
      'refund_requests_w009.csv',
      'refund_requests_w9.csv',
      'refund_requests_w10.csv',
    ]);
  });

  it('is a total order: antisymmetric, transitive, zero only for equal strings', () => {
    const name = fc.stringMatching(/^[a-c0-2_]{0,6}$/);
    fc.assert(
      fc.property(name, name, name, (a, b, c) => {
        expect(Math.sign(naturalOrder(a, b)) + Math.sign(naturalOrder(b, a))).toBe(0);
        expect(naturalOrder(a, b) === 0).toBe(a === b);
        if (naturalOrder(a, b) <= 0 && naturalOrder(b, c) <= 0) expect(naturalOrder(a, c)).toBeLessThanOrEqual(0);
      }),
      { numRuns: 2000 },
    );
  });
});
