// A week's data coverage: a week delivered with orders but no refund requests, where the weeks before had them, is a
// missing file, not good news.
import { describe, expect, it } from 'vitest';
import { weekCoverage } from '../../reports/load/weekCoverage.ts';
import type { WeekStats } from '../../reports/reportData.ts';

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
const before = [week('2026-09-28', 430, 29), week('2026-10-05', 441, 33), week('2026-10-12', 423, 31)];

describe('weekCoverage', () => {
  it('calls a week with orders but no refund request partial when every week before had several', () => {
    expect(weekCoverage(week('2026-10-19', 436, 0), '2026-10-18 23:30', before)).toMatchObject({
      status: 'partial',
      cause:
        "no refund requests in the week, where the 3 weeks before had 31 a week (median): the week's refund request files may be missing",
    });
  });

  it('keeps a quiet week complete: requests this week, or too few before it for their absence to mean anything', () => {
    expect(weekCoverage(week('2026-10-19', 436, 2), '2026-10-18 23:30', before).status).toBe('complete');
    const quiet = [week('2026-09-28', 40, 3), week('2026-10-05', 41, 2), week('2026-10-12', 43, 4)];
    expect(weekCoverage(week('2026-10-19', 42, 0), '2026-10-18 23:30', quiet).status).toBe('complete');
    const gap = [week('2026-09-28', 430, 29), week('2026-10-05', 441, 0), week('2026-10-12', 423, 31)];
    expect(weekCoverage(week('2026-10-19', 436, 0), '2026-10-18 23:30', gap).status).toBe('complete');
  });
});
