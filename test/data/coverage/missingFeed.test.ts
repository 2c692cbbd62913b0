// A feed that delivered every week and delivers nothing in one is a missing file; a quiet feed is not.
import { describe, expect, it } from 'vitest';
import { missingFeed } from '../../../data/coverage/missingFeed.ts';
import { feedWeekCounts } from '../../../data/coverage/feedWeekCounts.ts';
import { Warehouse } from '../../../data/warehouse/Warehouse.ts';

describe('missingFeed', () => {
  it('calls none this week missing when each of the 4 weeks before had rows and their median is at least 10', () => {
    expect(missingFeed(0, [12, 10, 14, 11])).toBe(11.5);
    expect(missingFeed(0, [3, 10, 10, 11, 12])).toBe(10.5); // only the 4 newest weeks count
    expect(missingFeed(0, [10, 10, 9, 30])).toBe(10);
  });

  it('says nothing of a week with rows, a quiet feed, a gap before or a short history', () => {
    expect(missingFeed(1, [12, 10, 14, 11])).toBeNull();
    expect(missingFeed(0, [9, 10, 9, 30])).toBeNull(); // median 9.5
    expect(missingFeed(0, [12, 0, 14, 11])).toBeNull();
    expect(missingFeed(0, [12, 14, 11])).toBeNull();
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
      expect(await feedWeekCounts(wh, '2026-11-02', 2)).toEqual({ reviews: [2, 2] });
      expect(await feedWeekCounts(wh, '2026-11-02', 3)).toEqual({ reviews: [1, 2, 2] });
    } finally {
      wh.close();
    }
  });
});
