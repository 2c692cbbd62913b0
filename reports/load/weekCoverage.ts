// Classifies a week's data as complete, partial, empty, future or before the data, so a data problem is never news.
import type { WeekCoverage, WeekStats } from '../reportData.ts';
import { describeFeedGaps, type FeedCounts } from '../../data/coverage/feedGap.ts';
import { weekGap } from '../../data/coverage/weekGap.ts';

/**
 * `dataEnd` is the latest order time ("YYYY-MM-DD HH:MM" UTC); `before` the weeks preceding this one, oldest first;
 * `feeds` each event feed's rows a week up to this one (oldest first, the last this week's; feedWeekCounts.ts);
 * `dataStart` the first order time. The rule is governance's too (data/coverage/weekGap.ts): future when the data ends
 * before the week starts, before when the week ends before the first order, empty without an order in the week, partial
 * when its orders or a feed are cut short or a feed is missing; the sentences here are the report's.
 */
export function weekCoverage(
  week: WeekStats,
  dataEnd: string | null,
  before: readonly WeekStats[],
  feeds: FeedCounts | null = null,
  dataStart: string | null = null,
): WeekCoverage {
  const base = { weekStart: week.weekStart, weekEnd: week.weekEnd, orders: week.orders };
  const gap = weekGap({
    weekStart: week.weekStart,
    weekEnd: week.weekEnd,
    orders: [...before.map((w) => w.orders), week.orders],
    dataStart,
    dataEnd,
    feeds,
  });
  if (gap === null) return { ...base, status: 'complete', cause: null };
  switch (gap.status) {
    case 'future':
      return {
        ...base,
        status: 'future',
        cause:
          gap.dataEnd === null
            ? 'the warehouse holds no orders'
            : `the warehouse's orders end on ${gap.dataEnd} UTC, before the week starts`,
      };
    case 'before':
      return {
        ...base,
        status: 'before',
        cause: `the week ends before the warehouse's first order (${gap.dataStart} UTC): the marketplace's data starts later`,
      };
    case 'empty':
      return {
        ...base,
        status: 'empty',
        cause: `no orders in the week although the warehouse holds orders up to ${gap.dataEnd} UTC: that week's files are missing`,
      };
    case 'partial':
      return { ...base, status: 'partial', cause: 'orders' in gap ? gap.orders : describeFeedGaps(gap.feeds) };
  }
}
