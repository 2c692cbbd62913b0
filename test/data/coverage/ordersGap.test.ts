// A week whose orders stop early or fall to a fraction of the usual week is cut short; a slow week is not.
import { describe, expect, it } from 'vitest';
import { ordersGap } from '../../../data/coverage/ordersGap.ts';

describe('ordersGap, orders a week oldest first, the last the week to 2026-11-02', () => {
  it('calls a week whose orders stop before its last day cut short', () => {
    expect(ordersGap([700, 690, 710, 705, 400], '2026-10-29 14:02', '2026-11-02')).toBe(
      'the orders stop at 2026-10-29 14:02 UTC, before the last day of the week',
    );
    expect(ordersGap([700, 690, 710, 705, 680], '2026-11-01 00:05', '2026-11-02')).toBeNull();
  });

  it('calls under a quarter of the median of the 4 weeks before with orders cut short, the share floored', () => {
    expect(ordersGap([700, 690, 710, 705, 175], '2026-11-01 23:50', '2026-11-02')).toBe(
      "175 orders, 24% of the median week before it (703): part of the week's files may be missing",
    );
    expect(ordersGap([700, 690, 710, 705, 176], '2026-11-01 23:50', '2026-11-02')).toBeNull();
    // weeks without orders are left out of the median; none before decides nothing
    expect(ordersGap([0, 0, 700, 705, 100], '2026-11-01 23:50', '2026-11-02')).toMatch(/^100 orders, 14% /);
    expect(ordersGap([0, 0, 0, 0, 100], '2026-11-01 23:50', '2026-11-02')).toBeNull();
    // under 40 orders a week, a quarter is noise
    expect(ordersGap([30, 38, 41, 36, 2], '2026-11-01 23:50', '2026-11-02')).toBeNull();
  });
});
