// A feed that delivered every week and delivers nothing, or a fraction, in one is a missing file; a quiet or lagging
// feed is not.
import { describe, expect, it } from 'vitest';
import { describeFeedGap, FEEDS, feedGap } from '../../../data/coverage/feedGap.ts';
import { feedWeekCounts } from '../../../data/coverage/feedWeekCounts.ts';
import { Warehouse } from '../../../data/warehouse/Warehouse.ts';

const tickets = FEEDS.find((f) => f.table === 'service_tickets')!;

describe('feedGap, weeks oldest first, the last one judged', () => {
  it('calls none this week missing when each of the 4 weeks before had rows and their median is at least 10', () => {
    expect(feedGap([12, 10, 14, 11, 0])).toEqual({
      kind: 'missing',
      rows: 0,
      usual: 11.5,
      before: [12, 10, 14, 11],
      asDelivered: false,
    });
    expect(feedGap([3, 10, 10, 11, 12, 0])?.usual).toBe(10.5); // only the 4 newest weeks count
    expect(feedGap([10, 10, 9, 30, 0])?.usual).toBe(10);
  });

  it('says nothing of a week with rows, a quiet feed, a gap before or a short history', () => {
    expect(feedGap([12, 10, 14, 11, 1])).toBeNull();
    expect(feedGap([9, 10, 9, 30, 0])).toBeNull(); // median 9.5
    expect(feedGap([12, 0, 14, 11, 0])).toBeNull();
    expect(feedGap([12, 14, 11, 0])).toBeNull();
    expect(feedGap([])).toBeNull();
  });

  it('calls a fraction of the usual week partial only against the weeks as their own runs read them', () => {
    // today's counts of the weeks before hold their late rows; the week's own run read about half of each
    const dated = [410, 398, 420, 405, 90];
    const delivered = [220, 201, 230, 215, 90];
    expect(feedGap(dated)).toBeNull(); // 22% of today's counts: a lagging feed would read so every week
    expect(feedGap(dated, delivered)).toBeNull(); // 41% of the same lag
    expect(feedGap([410, 398, 420, 405, 40], delivered)).toEqual({
      kind: 'partial',
      rows: 40,
      usual: 217.5,
      before: [220, 201, 230, 215],
      asDelivered: true,
    });
    // under 40 a week, a quarter is noise
    expect(feedGap([40, 38, 41, 39, 5], [39, 35, 38, 36, 5])).toBeNull();
  });

  it('reads the weeks as dated until weekly deliveries cover the 4 weeks before (a first run loads them at once)', () => {
    expect(feedGap([410, 398, 420, 405, 40], [0, 0, 0, 405, 40])).toBeNull();
    expect(feedGap([410, 398, 420, 405, 0], [0, 0, 0, 405, 0])?.asDelivered).toBe(false);
  });

  it('says what is missing and against what', () => {
    expect(describeFeedGap(tickets, feedGap([12, 10, 14, 11, 0])!)).toBe(
      "no service tickets in the week, where each of the 4 weeks before had some (12, 10, 14, 11): the week's service ticket files look missing",
    );
    expect(describeFeedGap(tickets, feedGap([410, 398, 420, 405, 40], [220, 201, 230, 215, 40])!)).toBe(
      "only 40 service tickets in the week, 18% of the median week before it (218; 220, 201, 230, 215 as their own runs read them): the week's service ticket files look incomplete",
    );
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
      expect(await feedWeekCounts(wh, '2026-11-02', 2)).toEqual({ reviews: { dated: [2, 2], delivered: null } });
      expect((await feedWeekCounts(wh, '2026-11-02', 3)).reviews?.dated).toEqual([1, 2, 2]);
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
      expect((await feedWeekCounts(wh, '2026-11-02', 2)).reviews?.delivered).toEqual([2, 1]);
    } finally {
      wh.close();
    }
  });
});
