// When a feed that delivers every week delivers nothing, or a fraction, in one: a missing file, not a quiet week.
import type { TableName } from '../contracts/index.ts';

/** The event feeds checked week by week besides orders, with the time that dates a row and how a sentence names it. */
export const FEEDS = [
  { table: 'refund_requests', time: 'requested_at', noun: 'refund requests', file: 'refund request' },
  { table: 'service_tickets', time: 'opened_at', noun: 'service tickets', file: 'service ticket' },
  { table: 'reviews', time: 'created_at', noun: 'reviews', file: 'review' },
] as const satisfies readonly { table: TableName; time: string; noun: string; file: string }[];

export type FeedTable = (typeof FEEDS)[number]['table'];

/** Weeks before the judged one that the rule reads. */
export const FEED_WEEKS_BEFORE = 4;

/**
 * The weekly median a feed must reach before a week without a row of it is called missing. Requests and reviews follow
 * deliveries, so the newest week may hold only part of its rows when it is read (about 55% of the weeks before for
 * reviews on the synthetic marketplace): at a median of 10 that leaves about 5.5 expected, and Poisson odds of none
 * under 0.5%; at 5 they were about 6%.
 */
export const MISSING_FEED_MEDIAN = 10;

/**
 * A week with fewer rows than this share of the usual week is partial, judged only against the weeks as their own runs
 * read them (the same lag), from a usual week of at least PARTIAL_FEED_MEDIAN rows: against today's counts of older
 * weeks a feed that lags would read as partial every week.
 */
export const PARTIAL_FEED_SHARE = 0.25;

/** At 40 a week, a quarter is 10 rows where about 40 are due (22 at the lag above): Poisson odds under 0.5%. */
export const PARTIAL_FEED_MEDIAN = 40;

/** The median of some counts (null of none). */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** A feed's week that looks like a missing file, with what it was judged against. */
export interface FeedGap {
  kind: 'missing' | 'partial';
  /** Rows the week holds. */
  rows: number;
  /** The median week before it. */
  usual: number;
  /** The weeks before it, oldest first, as judged. */
  before: number[];
  /** The weeks before were counted as their own runs read them (weekly deliveries), not as the warehouse holds them. */
  asDelivered: boolean;
}

/**
 * Whether the last of a feed's weeks (oldest first) is missing or partial. `dated`: rows dated in each week now;
 * `delivered`: rows each week held when its own run read it (null without delivery bookkeeping). The weeks before are
 * read as delivered when each of the last FEED_WEEKS_BEFORE had rows that way (weekly deliveries), else as dated.
 * Missing: none this week, some in each week before, median at least MISSING_FEED_MEDIAN. Partial (as delivered
 * only): under PARTIAL_FEED_SHARE of a median of at least PARTIAL_FEED_MEDIAN. Fewer weeks of history decide nothing.
 */
export function feedGap(dated: readonly number[], delivered: readonly number[] | null = null): FeedGap | null {
  const rows = dated.at(-1);
  if (rows === undefined) return null;
  const recent = (w: readonly number[]) => w.slice(0, -1).slice(-FEED_WEEKS_BEFORE);
  const everyWeek = (w: readonly number[]) => w.length === FEED_WEEKS_BEFORE && w.every((n) => n > 0);
  const asDelivered = delivered !== null && everyWeek(recent(delivered));
  const before = recent(asDelivered ? delivered : dated);
  if (!everyWeek(before)) return null;
  const usual = median(before)!;
  if (rows === 0 && usual >= MISSING_FEED_MEDIAN) return { kind: 'missing', rows, usual, before, asDelivered };
  if (asDelivered && usual >= PARTIAL_FEED_MEDIAN && rows < PARTIAL_FEED_SHARE * usual)
    return { kind: 'partial', rows, usual, before, asDelivered };
  return null;
}

const count = (n: number) => Math.round(n).toLocaleString('en');

/**
 * The gap in words, without its consequence: "no service tickets in the week, where each of the 4 weeks before had
 * some (412, 398, 420, 405 as their own runs read them): the week's service ticket files look missing". `week` names
 * the week ("the week 2026-10-26 – 2026-11-01").
 */
export function describeFeedGap(feed: (typeof FEEDS)[number], gap: FeedGap, week = 'the week'): string {
  const before = `${gap.before.map(count).join(', ')}${gap.asDelivered ? ' as their own runs read them' : ''}`;
  if (gap.kind === 'missing')
    return `no ${feed.noun} in ${week}, where each of the ${gap.before.length} weeks before had some (${before}): the week's ${feed.file} files look missing`;
  const share = Math.round((100 * gap.rows) / gap.usual);
  return `only ${count(gap.rows)} ${feed.noun} in ${week}, ${share}% of the median week before it (${count(gap.usual)}; ${before}): the week's ${feed.file} files look incomplete`;
}
