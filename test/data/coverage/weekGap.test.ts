// One week's coverage, the rule the report and governance share: the first rule that holds names the gap.
import { describe, expect, it } from 'vitest';
import { weekGap, type WeekData } from '../../../data/coverage/weekGap.ts';
import type { FeedCounts } from '../../../data/coverage/feedGap.ts';

const orders = [700, 710, 690, 705, 698];
const tickets = (last: number): FeedCounts => ({
  orders,
  runs: null,
  feeds: { service_tickets: { dated: [60, 62, 58, 61, last], delivered: null } },
});
const week = (over: Partial<WeekData> = {}): WeekData => ({
  weekStart: '2026-10-26',
  weekEnd: '2026-11-02',
  orders,
  dataStart: '2025-11-03 08:00',
  dataEnd: '2026-11-01 23:40',
  feeds: tickets(59),
  ...over,
});

describe('weekGap', () => {
  it('finds nothing in a complete week', () => {
    expect(weekGap(week())).toBeNull();
  });

  it('tells a warehouse without orders, or orders that end before the week, as future', () => {
    expect(weekGap(week({ dataStart: null, dataEnd: null }))).toEqual({ status: 'future', dataEnd: null });
    expect(weekGap(week({ dataEnd: '2026-10-25 12:00' }))).toEqual({ status: 'future', dataEnd: '2026-10-25 12:00' });
  });

  it('tells a week that ends on or before the first order as before the data, not empty', () => {
    const early = week({ dataStart: '2026-11-02 00:00', orders: [0, 0, 0, 0, 0], feeds: null });
    expect(weekGap(early)).toEqual({ status: 'before', dataStart: '2026-11-02 00:00' });
  });

  it('tells a week without an order, with orders after it, as empty', () => {
    expect(weekGap(week({ orders: [700, 710, 690, 705, 0] }))).toEqual({
      status: 'empty',
      dataEnd: '2026-11-01 23:40',
    });
  });

  it('names the orders cut short before the feeds: a short orders file explains a short tickets file', () => {
    const gap = weekGap(week({ orders: [700, 710, 690, 705, 100], feeds: tickets(0) }));
    expect(gap).toEqual({
      status: 'partial',
      orders: "100 orders, 14% of the median week before it (703): part of the week's files may be missing",
    });
  });

  it('names a missing feed, and leaves the feeds unjudged without counts', () => {
    const gap = weekGap(week({ feeds: tickets(0) }));
    expect(gap?.status).toBe('partial');
    expect(gap && 'feeds' in gap ? gap.feeds.map((g) => [g.feed.table, g.gap.kind]) : null).toEqual([
      ['service_tickets', 'missing'],
    ]);
    expect(weekGap(week({ feeds: null }))).toBeNull();
  });
});
