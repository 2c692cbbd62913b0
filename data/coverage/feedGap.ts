// When a feed that delivers every week delivers nothing, or a fraction, in one: a missing file, not a quiet week.
import type { TableName } from '../contracts/index.ts';

/** The event feeds checked week by week besides orders, with the time that dates a row and how a sentence names it. */
export const FEEDS = [
  { table: 'refund_requests', time: 'requested_at', noun: 'refund requests', file: 'refund request' },
  { table: 'service_tickets', time: 'opened_at', noun: 'service tickets', file: 'service ticket' },
  { table: 'reviews', time: 'created_at', noun: 'reviews', file: 'review' },
] as const satisfies readonly { table: TableName; time: string; noun: string; file: string }[];

export type FeedTable = (typeof FEEDS)[number]['table'];

/** Weeks with rows that the judged week is compared with: the latest this many before it that held any. */
export const FEED_WEEKS_BEFORE = 4;

/**
 * How far back those weeks are looked for, so a feed that stays missing is named every week, not once: in each of the
 * 9 weeks after it stopped, until fewer than FEED_WEEKS_BEFORE weeks with rows are left in the window.
 */
export const FEED_LOOKBACK_WEEKS = 12;

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
  /** The median of `before`. */
  usual: number;
  /** The latest FEED_WEEKS_BEFORE weeks before it that held rows, oldest first, as judged. */
  before: number[];
  /** The weeks before were counted as their own runs read them (weekly deliveries), not as the warehouse holds them. */
  asDelivered: boolean;
}

export type Feed = (typeof FEEDS)[number];

/** Each feed's rows a week and the weekly deliveries, oldest first, the last the judged week (feedWeekCounts.ts). */
export interface FeedCounts {
  /** Orders dated in each week. */
  orders: number[];
  /** Orders each week's own run read (first versions known by its end); null without delivery bookkeeping. */
  runs: number[] | null;
  /** Per feed table the warehouse holds. */
  feeds: Partial<Record<FeedTable, { dated: number[]; delivered: number[] | null }>>;
}

/** The counts without their last `weeks` weeks: an earlier week, judged as it would have been. */
export function withoutLastWeeks(counts: FeedCounts, weeks = 1): FeedCounts {
  const cut = <T>(w: T[]) => w.slice(0, w.length - weeks);
  const feeds: FeedCounts['feeds'] = {};
  for (const feed of FEEDS) {
    const w = counts.feeds[feed.table];
    if (w) feeds[feed.table] = { dated: cut(w.dated), delivered: w.delivered ? cut(w.delivered) : null };
  }
  return { orders: cut(counts.orders), runs: counts.runs ? cut(counts.runs) : null, feeds };
}

/** One feed's rows a week, oldest first, the last the judged week. */
export interface FeedSeries {
  /** Rows dated in each week, as the warehouse holds them now. */
  dated: readonly number[];
  /** Rows each week held when its own run read it (first versions known by its end); null without bookkeeping. */
  delivered: readonly number[] | null;
  /**
   * Orders each week's own run read (first versions known by its end): a weekly delivery arrived for the week. Null
   * without bookkeeping.
   */
  runs: readonly number[] | null;
  /** Orders dated in each week: a week whose orders dip expects as much less of the feed. Absent: not scaled. */
  orders?: readonly number[];
}

/**
 * Whether the last week of a feed is missing or partial. Each week before counts as its own run read it when a weekly
 * delivery (of orders) arrived for it, so a feed that arrives late (in part, or wholly a run later) reads as it always
 * does; a week loaded later (a first run's history) counts as the warehouse holds it now. The usual week is the median
 * of the latest FEED_WEEKS_BEFORE weeks with rows within FEED_LOOKBACK_WEEKS. Missing: none this week, at a usual week
 * of at least MISSING_FEED_MEDIAN, unless the latest run read none of its week's rows that came later (a feed a run
 * late). Partial, only when each of those weeks had its own run: under PARTIAL_FEED_SHARE of a usual week of at least
 * PARTIAL_FEED_MEDIAN, scaled by this week's orders against theirs when they dipped (a holiday is not a missing file).
 * Too few weeks with rows decide nothing.
 */
export function feedGap({ dated, delivered, runs, orders }: FeedSeries): FeedGap | null {
  const rows = dated.at(-1);
  if (rows === undefined) return null;
  const prior = (w: readonly number[]) => w.slice(0, -1).slice(-FEED_LOOKBACK_WEEKS);
  const d = prior(dated);
  const dl = delivered ? prior(delivered) : null;
  const r = runs ? prior(runs) : null;
  // a week its own weekly run read (orders delivered by its end) counts as that run read it; a week loaded later (a
  // first run's history) counts as the warehouse holds it now
  const ownRun = (i: number) => r !== null && dl !== null && (r[i] ?? 0) > 0;
  // the latest week its own run read, whose rows are in now, had none of them then: the feed arrives a run late, and
  // this week's none is as usual
  const lastRead = d
    .map((_, i) => i)
    .filter((i) => ownRun(i) && d[i]! > 0)
    .at(-1);
  if (rows === 0 && lastRead !== undefined && dl![lastRead] === 0) return null;
  const series = d.map((v, i) => (ownRun(i) ? dl![i]! : v));
  const picked = series
    .map((_, i) => i)
    .filter((i) => series[i]! > 0)
    .slice(-FEED_WEEKS_BEFORE);
  if (picked.length < FEED_WEEKS_BEFORE) return null;
  const before = picked.map((i) => series[i]!);
  const usual = median(before)!;
  const asDelivered = picked.every(ownRun);
  if (rows === 0 && usual >= MISSING_FEED_MEDIAN) return { kind: 'missing', rows, usual, before, asDelivered };
  // a marketplace that is quieter this week (a holiday) brings as much less of each feed: the share is of the orders'
  const o = orders ? prior(orders) : null;
  const ordersUsual = o ? median(picked.map((i) => o[i] ?? 0)) : null;
  const dip = ordersUsual ? Math.min(1, (orders!.at(-1) ?? 0) / ordersUsual) : 1;
  if (asDelivered && usual >= PARTIAL_FEED_MEDIAN && rows < PARTIAL_FEED_SHARE * usual * dip)
    return { kind: 'partial', rows, usual, before, asDelivered };
  return null;
}

/** A count as a sentence shows it: whole, with thousands separators. */
export const count = (n: number) => Math.round(n).toLocaleString('en');

/**
 * The gap in words, without its consequence: "no service tickets in the week, where the weeks before had 409 a week
 * (median of 412, 398, 420, 405 as their own runs read them): the week's service ticket files look missing". `week`
 * names the week ("the week 2026-10-26 – 2026-11-01").
 */
export function describeFeedGap(feed: Feed, gap: FeedGap, week = 'the week'): string {
  const before = `${gap.before.map(count).join(', ')}${gap.asDelivered ? ' as their own runs read them' : ''}`;
  if (gap.kind === 'missing')
    return `no ${feed.noun} in ${week}, where the weeks before had ${count(gap.usual)} a week (median of ${before}): the week's ${feed.file} files look missing`;
  // floored: a week flagged for being under a quarter never reads "25%"
  const share = Math.floor((100 * gap.rows) / gap.usual);
  return `only ${count(gap.rows)} ${feed.noun} in ${week}, ${share}% of the median week before it (${count(gap.usual)}; ${before}): the week's ${feed.file} files look incomplete`;
}

/** Every feed's gap in the last week of the counts, in FEEDS order. */
export function feedGaps(counts: FeedCounts): { feed: Feed; gap: FeedGap }[] {
  return FEEDS.flatMap((feed) => {
    const w = counts.feeds[feed.table];
    const gap = w ? feedGap({ ...w, runs: counts.runs, orders: counts.orders }) : null;
    return gap ? [{ feed, gap }] : [];
  });
}

/** The gaps in words, every one of them (so one rerun can bring every missing file): joined by "; ". */
export function describeFeedGaps(gaps: readonly { feed: Feed; gap: FeedGap }[], week = 'the week'): string {
  return gaps.map(({ feed, gap }) => describeFeedGap(feed, gap, week)).join('; ');
}
