// Classifies a week's data as complete, partial, empty or future, so a data problem is never reported as news.
import { addDays } from '../../data/time/isoDate.ts';
import type { WeekCoverage, WeekStats } from '../reportData.ts';
import { fmtInt } from '../html/format.ts';

/** A week with fewer orders than this share of the median of the (up to four) weeks before it is flagged as partial. */
export const PARTIAL_SHARE = 0.25;

/** A week without refund requests is partial when each week before had some and their median is at least this. */
export const MISSING_REQUESTS_MEDIAN = 5;

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/**
 * `dataEnd` is the latest order time ("YYYY-MM-DD HH:MM" UTC); `before` the weeks preceding this one, oldest first.
 * Future: the data ends before the week starts. Empty: no order in the week, yet later data exists. Partial: the data
 * stops
 * more than a day before the week's end, the week has under a quarter of the median orders of the four weeks before
 * it, or no refund request where each of those weeks had some (MISSING_REQUESTS_MEDIAN).
 */
export function weekCoverage(week: WeekStats, dataEnd: string | null, before: readonly WeekStats[]): WeekCoverage {
  const base = { weekStart: week.weekStart, weekEnd: week.weekEnd, orders: week.orders };
  if (dataEnd === null) return { ...base, status: 'future', cause: 'the warehouse holds no orders' };
  if (dataEnd < week.weekStart)
    return { ...base, status: 'future', cause: `the warehouse's orders end on ${dataEnd} UTC, before the week starts` };
  if (week.orders === 0)
    return {
      ...base,
      status: 'empty',
      cause: `no orders in the week although the warehouse holds orders up to ${dataEnd} UTC: that week's files are missing`,
    };
  if (dataEnd < `${addDays(week.weekEnd, -1)} 00:00`) {
    return { ...base, status: 'partial', cause: `the orders stop at ${dataEnd} UTC, before the last day of the week` };
  }
  const usual = median(
    before
      .slice(-4)
      .map((w) => w.orders)
      .filter((o) => o > 0),
  );
  if (usual !== null && week.orders < PARTIAL_SHARE * usual) {
    return {
      ...base,
      status: 'partial',
      cause: `${fmtInt(week.orders)} orders, ${Math.round((100 * week.orders) / usual)}% of the median week before it (${fmtInt(usual)}): part of the week's files may be missing`,
    };
  }
  // Orders alone delivered: a week without a single refund request, where every week before it had several, is a
  // missing refund-request file, not a good week (Poisson odds of none at a median of 5 are under 1%).
  const requestsBefore = before.slice(-4).map((w) => w.refundRequests);
  const usualRequests = median(requestsBefore);
  if (
    week.refundRequests === 0 &&
    requestsBefore.length > 0 &&
    requestsBefore.every((r) => r > 0) &&
    usualRequests !== null &&
    usualRequests >= MISSING_REQUESTS_MEDIAN
  ) {
    return {
      ...base,
      status: 'partial',
      cause: `no refund requests in the week, where the ${requestsBefore.length === 1 ? 'week' : `${requestsBefore.length} weeks`} before had ${fmtInt(usualRequests)} a week (median): the week's refund request files may be missing`,
    };
  }
  return { ...base, status: 'complete', cause: null };
}
