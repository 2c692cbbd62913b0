// A feed that delivered every week and delivers nothing, or a fraction, in one is a missing file; a quiet or lagging
// feed is not.
import { describe, expect, it } from 'vitest';
import {
  describeFeedGap,
  describeFeedGaps,
  FEEDS,
  feedGap,
  feedGaps,
  withoutLastWeeks,
  type FeedCounts,
  type FeedSeries,
} from '../../../data/coverage/feedGap.ts';
import { feedWeekCounts } from '../../../data/coverage/feedWeekCounts.ts';
import { Warehouse } from '../../../data/warehouse/Warehouse.ts';

const tickets = FEEDS.find((f) => f.table === 'service_tickets')!;

/** A feed as dated only (no delivery bookkeeping: a warehouse not built by ingest). */
const dated = (weeks: number[]): FeedSeries => ({ dated: weeks, delivered: null, runs: null });
/** A feed of weekly deliveries: a run read each week (orders), `delivered` as each run read the feed. */
const weekly = (weeks: number[], delivered: number[]): FeedSeries => ({
  dated: weeks,
  delivered,
  runs: weeks.map(() => 700),
});

describe('feedGap, weeks oldest first, the last one judged', () => {
  it('calls none this week missing at a usual week (the median of the 4 latest weeks with rows) of at least 10', () => {
    expect(feedGap(dated([12, 10, 14, 11, 0]))).toEqual({
      kind: 'missing',
      rows: 0,
      usual: 11.5,
      before: [12, 10, 14, 11],
      asDelivered: false,
    });
    expect(feedGap(dated([3, 10, 10, 11, 12, 0]))?.usual).toBe(10.5);
    expect(feedGap(dated([10, 10, 9, 30, 0]))?.usual).toBe(10);
  });

  it('says nothing of a week with rows, a quiet feed or too short a history', () => {
    expect(feedGap(dated([12, 10, 14, 11, 1]))).toBeNull();
    expect(feedGap(dated([9, 10, 9, 30, 0]))).toBeNull(); // median 9.5
    expect(feedGap(dated([12, 14, 11, 0]))).toBeNull();
    expect(feedGap(dated([]))).toBeNull();
  });

  it('keeps naming a feed that stays missing, in each of the 9 weeks after its last 4 weeks with rows', () => {
    expect(feedGap(dated([58, 37, 57, 56, 0, 0]))?.before).toEqual([58, 37, 57, 56]);
    expect(feedGap(dated([58, 37, 57, 56, ...Array<number>(8).fill(0), 0]))?.kind).toBe('missing');
    expect(feedGap(dated([58, 37, 57, 56, ...Array<number>(9).fill(0), 0]))).toBeNull();
    // a gap among the weeks before is itself a missing file: the weeks with rows are the usual week
    expect(feedGap(dated([58, 0, 57, 56, 60, 0]))?.before).toEqual([58, 57, 56, 60]);
  });

  it('calls a fraction of the usual week partial only against the weeks as their own runs read them', () => {
    // today's counts of the weeks before hold their late rows; the week's own run read about half of each
    expect(feedGap(dated([410, 398, 420, 405, 90]))).toBeNull(); // 22% of today's counts: a late feed every week
    expect(feedGap(weekly([410, 398, 420, 405, 90], [220, 201, 230, 215, 90]))).toBeNull(); // 41% of the same lag
    expect(feedGap(weekly([410, 398, 420, 405, 40], [220, 201, 230, 215, 40]))).toEqual({
      kind: 'partial',
      rows: 40,
      usual: 217.5,
      before: [220, 201, 230, 215],
      asDelivered: true,
    });
    // a week whose orders dipped to a third (a holiday) expects a third of the feed: 24% of the usual is no gap
    const dip = weekly([41, 40, 43, 41, 10], [41, 40, 43, 41, 10]);
    expect(feedGap({ ...dip, orders: [618, 620, 615, 630, 202] })).toBeNull();
    expect(feedGap({ ...dip, orders: [618, 620, 615, 630, 610] })?.kind).toBe('partial');
    // under 40 a week, a quarter is noise
    expect(feedGap(weekly([40, 38, 41, 39, 5], [39, 35, 38, 36, 5]))).toBeNull();
    // one week delivered without the feed does not switch the rule off for the weeks after
    expect(feedGap(weekly([220, 240, 230, 215, 210, 40], [220, 0, 230, 215, 210, 40]))?.kind).toBe('partial');
  });

  it('reads a feed that always arrives a run late as it always does, not as missing every week', () => {
    expect(feedGap(weekly([37, 57, 56, 58, 0], [0, 0, 0, 0, 0]))).toBeNull();
    // after a first run that loaded it whole
    const afterBulk = {
      dated: [55, 60, 52, 58, 37, 57, 0],
      delivered: [0, 0, 0, 58, 0, 0, 0],
      runs: [0, 0, 0, 9, 9, 9, 9],
    };
    expect(feedGap(afterBulk)).toBeNull();
  });

  it('keeps naming a feed that stops in the first weekly runs after a first run loaded the history at once', () => {
    // history loaded at once (no run of its own), one weekly run that read the feed, then none
    const runs = [0, 0, 0, 0, 9, 9, 9];
    expect(feedGap({ dated: [55, 60, 52, 58, 61, 0, 0], delivered: [0, 0, 0, 0, 61, 0, 0], runs })).toMatchObject({
      kind: 'missing',
      before: [60, 52, 58, 61],
      asDelivered: false,
    });
    // stopped at the first weekly run after the first run, which read the history's last week
    const first = { dated: [55, 60, 52, 58, 0, 0], delivered: [0, 0, 0, 58, 0, 0], runs: [0, 0, 0, 9, 9, 9] };
    expect(feedGap(first)?.kind).toBe('missing');
  });

  it('reads the weeks as dated until weekly runs read each of the 4 weeks before (a first run loads them at once)', () => {
    const firstRun = { dated: [410, 398, 420, 405, 40], delivered: [0, 0, 0, 0, 40], runs: [0, 0, 0, 0, 700] };
    expect(feedGap(firstRun)).toBeNull();
    expect(feedGap({ ...firstRun, dated: [410, 398, 420, 405, 0], delivered: [0, 0, 0, 0, 0] })).toMatchObject({
      kind: 'missing',
      asDelivered: false,
    });
  });

  it('says what is missing and against what, every feed at once', () => {
    const missing = feedGap(dated([12, 10, 14, 11, 0]))!;
    expect(describeFeedGap(tickets, missing)).toBe(
      "no service tickets in the week, where the weeks before had 12 a week (median of 12, 10, 14, 11): the week's service ticket files look missing",
    );
    const partial = feedGap(weekly([410, 398, 420, 405, 40], [220, 201, 230, 215, 40]))!;
    expect(describeFeedGap(tickets, partial, 'the week 2026-10-26 – 2026-11-01')).toBe(
      "only 40 service tickets in the week 2026-10-26 – 2026-11-01, 18% of the median week before it (218; 220, 201, 230, 215 as their own runs read them): the week's service ticket files look incomplete",
    );
    const counts: FeedCounts = {
      orders: [430, 441, 423, 436, 428],
      runs: null,
      feeds: {
        refund_requests: { dated: [30, 29, 33, 31, 28], delivered: null },
        service_tickets: { dated: [12, 10, 14, 11, 0], delivered: null },
        reviews: { dated: [210, 190, 205, 220, 0], delivered: null },
      },
    };
    expect(feedGaps(counts).map((g) => g.feed.table)).toEqual(['service_tickets', 'reviews']);
    expect(describeFeedGaps(feedGaps(counts))).toMatch(/^no service tickets in the week, .*; no reviews in the week, /);
    expect(feedGaps(withoutLastWeeks(counts))).toEqual([]);
  });

  it('floors the share, so a week flagged under a quarter never reads 25%', () => {
    const gap = feedGap(weekly([200, 200, 200, 200, 49], [200, 200, 200, 200, 49]))!;
    expect(describeFeedGap(tickets, gap)).toContain('24% of the median week');
  });
});

describe('feedWeekCounts', () => {
  it('counts each feed a week, oldest first, a row at a week’s first instant in that week, absent tables left out', async () => {
    const wh = await Warehouse.open({ path: ':memory:' });
    try {
      await wh.run('create table reviews (review_id varchar, created_at timestamp)');
      await wh.run(`insert into reviews values
        ('before the window', '2026-10-18 23:59:59'),
        ('first instant of week 1', '2026-10-19 00:00:00'),
        ('last instant of week 1', '2026-10-25 23:59:59.999999'),
        ('first instant of week 2', '2026-10-26 00:00:00'),
        ('week 2', '2026-10-30 12:00:00'),
        ('at as_of: after the window', '2026-11-02 00:00:00')`);
      await wh.run('create table orders (order_id varchar, created_at timestamp)');
      await wh.run("insert into orders values ('week 2', '2026-10-27 08:00:00')");
      expect(await feedWeekCounts(wh, '2026-11-02', 2)).toEqual({
        orders: [0, 1],
        runs: null,
        feeds: { reviews: { dated: [2, 2], delivered: null } },
      });
      expect((await feedWeekCounts(wh, '2026-11-02', 3)).feeds.reviews?.dated).toEqual([1, 2, 2]);
    } finally {
      wh.close();
    }
  });

  it('counts as delivered the first versions each week knew by its end', async () => {
    const wh = await Warehouse.open({ path: ':memory:' });
    try {
      await wh.run('create table reviews (review_id varchar, created_at timestamp)');
      await wh.run(
        'create table reviews_versions (review_id varchar, created_at timestamp, version integer, batch_id integer, known_at date)',
      );
      await wh.run(`insert into reviews_versions values
        ('week 1, delivered with it', '2026-10-20 10:00:00', 1, 1, '2026-10-26'),
        ('week 1, delivered late', '2026-10-21 10:00:00', 1, 2, '2026-11-02'),
        ('week 1, corrected later: its first version counts', '2026-10-22 10:00:00', 1, 1, '2026-10-26'),
        ('week 1, corrected later: its first version counts', '2026-10-22 10:00:00', 2, 2, '2026-11-02'),
        ('week 2', '2026-10-27 10:00:00', 1, 2, '2026-11-02')`);
      expect((await feedWeekCounts(wh, '2026-11-02', 2)).feeds.reviews?.delivered).toEqual([2, 1]);
    } finally {
      wh.close();
    }
  });
});
