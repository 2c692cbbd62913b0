// Classifies a week's data as complete, partial, empty, future or before the data, so a data problem is never news.
import type { WeekCoverage, WeekStats } from '../reportData.ts';
import { describeFeedGaps, feedGaps, type FeedCounts } from '../../data/coverage/feedGap.ts';
import { ordersGap } from '../../data/coverage/ordersGap.ts';

/**
 * `dataEnd` is the latest order time ("YYYY-MM-DD HH:MM" UTC); `before` the weeks preceding this one, oldest first;
 * `feeds` each event feed's rows a week up to this one (oldest first, the last this week's; feedWeekCounts.ts);
 * `dataStart` the first order time. A week that ends before it is `before`: before the data, not missing any.
 * Future: the data ends before the week starts. Empty: no order in the week, yet later data exists. Partial: the data
 * stops more than a day before the week's end, the week has under a quarter of the median orders of the four weeks
 * before it, or no row (or a fraction) of a feed that each of those weeks had (feedGap.ts).
 */
export function weekCoverage(
  week: WeekStats,
  dataEnd: string | null,
  before: readonly WeekStats[],
  feeds: FeedCounts | null = null,
  dataStart: string | null = null,
): WeekCoverage {
  const base = { weekStart: week.weekStart, weekEnd: week.weekEnd, orders: week.orders };
  if (dataEnd === null) return { ...base, status: 'future', cause: 'the warehouse holds no orders' };
  if (dataEnd < week.weekStart)
    return { ...base, status: 'future', cause: `the warehouse's orders end on ${dataEnd} UTC, before the week starts` };
  if (dataStart !== null && `${week.weekEnd} 00:00` <= dataStart)
    return {
      ...base,
      status: 'before',
      cause: `the week ends before the warehouse's first order (${dataStart} UTC): the marketplace's data starts later`,
    };
  if (week.orders === 0)
    return {
      ...base,
      status: 'empty',
      cause: `no orders in the week although the warehouse holds orders up to ${dataEnd} UTC: that week's files are missing`,
    };
  const cut = ordersGap([...before.map((w) => w.orders), week.orders], dataEnd, week.weekEnd);
  if (cut !== null) return { ...base, status: 'partial', cause: cut };
  // Orders delivered without (all of) another feed: a week without a single refund request, ticket or review, or with a
  // fraction of the usual, where every week before had several, is a missing file, not a good week (feedGap.ts).
  const gaps = feeds ? feedGaps(feeds) : [];
  if (gaps.length) return { ...base, status: 'partial', cause: describeFeedGaps(gaps) };
  return { ...base, status: 'complete', cause: null };
}
