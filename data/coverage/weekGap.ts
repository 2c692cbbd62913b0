// Whether a week's data is all there, and if not why: one rule for the report's notice and governance's skipped weeks.
import { feedGaps, type Feed, type FeedCounts, type FeedGap } from './feedGap.ts';
import { ordersGap } from './ordersGap.ts';

/** Why a week's data is not all there, in the order the rules are tried; null when it is. */
export type WeekGap =
  /** No order at all (`dataEnd` null), or the orders end before the week starts. */
  | { status: 'future'; dataEnd: string | null }
  /** The week ends on or before the first order: before the marketplace's data, not missing any. */
  | { status: 'before'; dataStart: string }
  /** No order in the week although later orders exist: its files are missing. */
  | { status: 'empty'; dataEnd: string }
  /** Its orders cut short (`orders`, ordersGap's sentence) or a feed missing or cut short (`feeds`). */
  | { status: 'partial'; orders: string }
  | { status: 'partial'; feeds: { feed: Feed; gap: FeedGap }[] };

export interface WeekData {
  /** YYYY-MM-DD; the end is exclusive (the week's as-of date). */
  weekStart: string;
  weekEnd: string;
  /** Orders a week, oldest first, the last this week's. */
  orders: readonly number[];
  /** First and latest order time ("YYYY-MM-DD HH:MM" UTC), null without orders. */
  dataStart: string | null;
  dataEnd: string | null;
  /** Each event feed's rows a week up to this one (feedWeekCounts.ts); null leaves the feeds unjudged. */
  feeds: FeedCounts | null;
}

export function weekGap(w: WeekData): WeekGap | null {
  if (w.dataEnd === null || w.dataEnd < w.weekStart) return { status: 'future', dataEnd: w.dataEnd };
  if (w.dataStart !== null && `${w.weekEnd} 00:00` <= w.dataStart) return { status: 'before', dataStart: w.dataStart };
  if ((w.orders.at(-1) ?? 0) === 0) return { status: 'empty', dataEnd: w.dataEnd };
  const cut = ordersGap(w.orders, w.dataEnd, w.weekEnd);
  if (cut !== null) return { status: 'partial', orders: cut };
  // Orders delivered without (all of) another feed: a week without a single refund request, ticket or review, or with a
  // fraction of the usual, where the weeks before had several, is a missing file, not a good week (feedGap.ts).
  const feeds = w.feeds ? feedGaps(w.feeds) : [];
  return feeds.length ? { status: 'partial', feeds } : null;
}
