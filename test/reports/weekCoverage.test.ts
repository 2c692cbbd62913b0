// A week's data coverage: a week delivered with orders but no refund requests, where the weeks before had them, is a
// missing file, not good news.
import { describe, expect, it } from 'vitest';
import { weekCoverage } from '../../reports/load/weekCoverage.ts';
import type { WeekStats } from '../../reports/reportData.ts';
import type { FeedCounts } from '../../data/coverage/feedGap.ts';

const week = (weekEnd: string, orders: number, refundRequests: number): WeekStats => ({
  weekStart: new Date(Date.parse(weekEnd) - 7 * 86_400_000).toISOString().slice(0, 10),
  weekEnd,
  orders,
  gmv: orders * 50,
  refundRequests,
  refundOnlyRequests: 0,
  refundRequestRate: orders ? refundRequests / orders : null,
  refundOnlyShare: null,
  estimatedAbuseLoss: null,
});
const before = [
  week('2026-09-21', 437, 30),
  week('2026-09-28', 430, 29),
  week('2026-10-05', 441, 33),
  week('2026-10-12', 423, 31),
];
const thisWeek = week('2026-10-19', 436, 0);
/** Feeds counted as dated only (no delivery bookkeeping). */
const asDated = (feeds: Record<string, number[]>): FeedCounts => ({
  orders: [],
  runs: null,
  feeds: Object.fromEntries(Object.entries(feeds).map(([t, dated]) => [t, { dated, delivered: null }])),
});

describe('weekCoverage', () => {
  it('calls a week with orders but no refund request partial when each of the 4 weeks before had several', () => {
    const feeds = asDated({ refund_requests: [30, 29, 33, 31, 0] });
    expect(weekCoverage(thisWeek, '2026-10-18 23:30', before, feeds)).toMatchObject({
      status: 'partial',
      cause:
        "no refund requests in the week, where the weeks before had 31 a week (median of 30, 29, 33, 31): the week's refund request files look missing",
    });
  });

  it('reads tickets and reviews the same way, and names every feed that is missing', () => {
    const feeds = asDated({
      refund_requests: [30, 29, 33, 31, 28],
      service_tickets: [44, 40, 38, 41, 0],
      reviews: [210, 190, 205, 220, 0],
    });
    expect(weekCoverage(week('2026-10-19', 436, 28), '2026-10-18 23:30', before, feeds).cause).toBe(
      "no service tickets in the week, where the weeks before had 41 a week (median of 44, 40, 38, 41): the week's service ticket files look missing; no reviews in the week, where the weeks before had 208 a week (median of 210, 190, 205, 220): the week's review files look missing",
    );
  });

  it('keeps a quiet week complete: rows this week, or too few before it for their absence to mean anything', () => {
    const complete = (feeds: Record<string, number[]>) =>
      weekCoverage(thisWeek, '2026-10-18 23:30', before, asDated(feeds)).status;
    expect(complete({ refund_requests: [30, 29, 33, 31, 2] })).toBe('complete');
    expect(complete({ refund_requests: [3, 2, 4, 5, 0] })).toBe('complete');
    expect(complete({ refund_requests: [30, 0, 33, 31, 0] })).toBe('complete');
    expect(complete({ refund_requests: [29, 33, 31, 0] })).toBe('complete');
    expect(complete({})).toBe('complete');
  });

  it('calls a week that ends before the first order before the data, not a missing file', () => {
    const none = week('2026-04-06', 0, 0);
    expect(weekCoverage(none, '2026-05-31 22:10', [], null, '2026-04-06 00:00')).toMatchObject({
      status: 'before',
      cause:
        "the week ends before the warehouse's first order (2026-04-06 00:00 UTC): the marketplace's data starts later",
    });
    expect(weekCoverage(none, '2026-05-31 22:10', [], null, '2026-04-05 23:59').cause).toMatch(/files are missing/);
  });
});
