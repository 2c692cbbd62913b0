// When a source that delivers every week delivers nothing in one: a missing file, not a quiet week.
import type { TableName } from '../contracts/index.ts';

/** The event feeds checked week by week besides orders, with the time that dates a row and how a sentence names it. */
export const FEEDS = [
  { table: 'refund_requests', time: 'requested_at', noun: 'refund requests', file: 'refund request' },
  { table: 'service_tickets', time: 'opened_at', noun: 'service tickets', file: 'service ticket' },
  { table: 'reviews', time: 'created_at', noun: 'reviews', file: 'review' },
] as const satisfies readonly { table: TableName; time: string; noun: string; file: string }[];

export type FeedTable = (typeof FEEDS)[number]['table'];

/**
 * The weekly median a feed must reach before a week without a row of it is called missing. Requests and reviews follow
 * deliveries, so the newest week holds only part of its rows when it is read (about 55% of the weeks before for
 * reviews on the synthetic marketplace): at a median of 10 that leaves about 5.5 expected, and Poisson odds of none
 * under 0.5%; at 5 they were about 6%.
 */
export const MISSING_FEED_MEDIAN = 10;

/** Weeks before the judged one that the rule reads. */
export const FEED_WEEKS_BEFORE = 4;

/** The median of some counts (null of none). */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/**
 * The usual weekly rows (median) when `now` rows look like a missing file: none this week, some in each of the
 * `FEED_WEEKS_BEFORE` weeks `before` it (oldest first; fewer weeks of history decide nothing) and a median of at least
 * MISSING_FEED_MEDIAN; null otherwise.
 */
export function missingFeed(now: number, before: readonly number[]): number | null {
  const recent = before.slice(-FEED_WEEKS_BEFORE);
  if (now !== 0 || recent.length < FEED_WEEKS_BEFORE || recent.some((n) => n === 0)) return null;
  const usual = median(recent)!;
  return usual >= MISSING_FEED_MEDIAN ? usual : null;
}
