// Feed coverage on a generated marketplace delivered week by week: complete weeks never read as missing or partial
// (reviews arrive late), and a week whose tickets file is cut short or left out is named, and not judged by govern.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configSchema } from '../../../data/config/configSchema.ts';
import { feedGaps } from '../../../data/coverage/feedGap.ts';
import { feedWeekCounts } from '../../../data/coverage/feedWeekCounts.ts';
import { generateMarketplace } from '../../../data/synthetic/generateMarketplace.ts';
import { sliceExport } from '../../../data/synthetic/sliceExport.ts';
import { addDays } from '../../../data/time/isoDate.ts';
import { quoteLiteral } from '../../../data/warehouse/quoteIdent.ts';
import { Warehouse } from '../../../data/warehouse/Warehouse.ts';
import { governWeek } from '../../../pipelines/govern/governWeek.ts';
import { formatGovernSummary } from '../../../pipelines/govern/formatGovernSummary.ts';
import { ingestInto } from '../../../pipelines/ingest/runIngest.ts';

const END = '2026-06-01';
const WEEKS = 5;
const root = mkdtempSync(join(tmpdir(), 'trustlens-feed-coverage-'));
/** Delivery 0 is the history before the weekly ones; delivery k (1…5) the week ending k weeks after it. */
const weekEnd = (k: number) => addDays(END, -7 * (WEEKS - k));
const delivery = (k: number) => join(root, `delivery${k}`);
const config = configSchema.parse({});

/** A warehouse of every delivery, each ingested as its weekly run does (known at the week's end); `replaced` by k. */
async function delivered(replaced: Record<number, string> = {}): Promise<Warehouse> {
  const wh = await Warehouse.open({ path: ':memory:', threads: 1 });
  for (let k = 0; k <= WEEKS; k++) await ingestInto(wh, { from: replaced[k] ?? delivery(k), knownAt: weekEnd(k) });
  return wh;
}

/**
 * Delivery k with its tickets file holding the full export's tickets opened in [from, before) (none: no file), cut to
 * the first `share` of them.
 */
async function withTickets(k: number, name: string, range: [string, string] | null, share = 1): Promise<string> {
  const dir = join(root, `${name}${k}`);
  cpSync(delivery(k), dir, { recursive: true });
  rmSync(join(dir, 'service_tickets.parquet'));
  if (range) {
    const wh = await Warehouse.open({ path: ':memory:' });
    const file = join(root, 'full', 'service_tickets.parquet');
    const where = 'opened_at >= $from::timestamp and opened_at < $before::timestamp';
    const params = { file, from: range[0], before: range[1] };
    const n = Number(await wh.scalar<bigint>(`select count(*) from read_parquet($file) where ${where}`, params));
    await wh.run(
      `copy (select * from read_parquet($file) where ${where} order by opened_at limit ${Math.round(share * n)})
       to ${quoteLiteral(join(dir, 'service_tickets.parquet'))} (format parquet)`,
      params,
    );
    wh.close();
  }
  return dir;
}

/** The week of delivery k, [start, end). */
const weekOf = (k: number): [string, string] => [addDays(weekEnd(k), -7), weekEnd(k)];

/**
 * Reviews arrive late, as a moderated feed does: a fifth of a week's reviews come with its delivery, the rest with the
 * next one. Against today's counts of the weeks before, every newest week would read as a fraction of the usual.
 */
async function delayReviews(full: string): Promise<void> {
  const wh = await Warehouse.open({ path: ':memory:' });
  try {
    const source = join(full, 'reviews.parquet');
    const onTime = 'hash(review_id) % 5 = 0';
    for (let k = 0; k <= WEEKS; k++) {
      const from = k === 0 ? '-infinity' : weekEnd(k - 1);
      const lateFrom = k === 0 ? '-infinity' : addDays(weekEnd(k - 1), -7);
      await wh.run(
        `copy (
           select * from read_parquet($source)
           where (created_at >= $from::timestamp and created_at < $before::timestamp and (${onTime} or $first))
              or (created_at >= $late_from::timestamp and created_at < $from::timestamp and not (${onTime}) and not $first)
           order by all
         ) to ${quoteLiteral(join(delivery(k), 'reviews.parquet'))} (format parquet)`,
        { source, from, before: weekEnd(k), late_from: lateFrom, first: k === 0 },
      );
    }
  } finally {
    wh.close();
  }
}

beforeAll(async () => {
  const full = join(root, 'full');
  await generateMarketplace({
    seed: 5,
    buyers: 3_000,
    merchants: 120,
    weeks: 16,
    end: END,
    format: 'parquet',
    out: full,
  });
  await sliceExport(full, delivery(0), { before: weekEnd(0) });
  for (let k = 1; k <= WEEKS; k++) await sliceExport(full, delivery(k), { from: weekEnd(k - 1), before: weekEnd(k) });
  await delayReviews(full);
}, 120_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('feeds of weekly deliveries', () => {
  it('reads complete weeks as complete, each judged against the weeks as their own runs read them', async () => {
    const wh = await delivered();
    try {
      for (const asOf of [END, addDays(END, -7)]) {
        const counts = await feedWeekCounts(wh, asOf, 13);
        expect(counts.runs!.slice(-5).every((n) => n > 0)).toBe(true);
        expect(feedGaps(counts), `as of ${asOf}`).toEqual([]);
      }
      // the newest week holds under a quarter of what the weeks before hold today, as many as they held in their time
      const reviews = (await feedWeekCounts(wh, END, 5)).feeds.reviews!;
      const [before, now] = [reviews.dated.slice(0, -1), reviews.dated.at(-1)!];
      expect(now).toBeLessThan(0.25 * Math.min(...before));
      expect(now).toBeGreaterThan(0.5 * Math.min(...reviews.delivered!.slice(0, -1)));
      expect((await governWeek(wh, END, config)).skipped).toBeUndefined();
    } finally {
      wh.close();
    }
  });

  it('names a tickets file cut to a tenth, and govern does not judge the week', async () => {
    const wh = await delivered({ [WEEKS]: await withTickets(WEEKS, 'cut', weekOf(WEEKS), 0.1) });
    try {
      expect(feedGaps(await feedWeekCounts(wh, END, 13))).toMatchObject([
        { feed: { table: 'service_tickets' }, gap: { kind: 'partial', asDelivered: true } },
      ]);
      expect((await governWeek(wh, END, config)).skipped).toMatch(
        /^only \d+ service tickets in the week 2026-05-25 – 2026-05-31, \d+% of the median week before it \(\d+; \d+, \d+, \d+, \d+ as their own runs read them\): the week's service ticket files look incomplete; every answer or resolution they would bring would read as a failure; nothing judged or published for the week; last week's recommendations stand$/,
      );
    } finally {
      wh.close();
    }
  });

  it('names a week delivered without its tickets file, and the next one too while they stay missing', async () => {
    const wh = await delivered({
      [WEEKS - 1]: await withTickets(WEEKS - 1, 'none', null),
      [WEEKS]: await withTickets(WEEKS, 'none', null),
    });
    try {
      for (const asOf of [addDays(END, -7), END])
        expect(feedGaps(await feedWeekCounts(wh, asOf, 13)), asOf).toMatchObject([
          { feed: { table: 'service_tickets' }, gap: { kind: 'missing', rows: 0, asDelivered: true } },
        ]);
    } finally {
      wh.close();
    }
  });

  it('does not judge a week whose orders file stops mid-week, as the report calls it incomplete', async () => {
    const dir = join(root, 'ordersCut');
    cpSync(delivery(WEEKS), dir, { recursive: true });
    const cut = await Warehouse.open({ path: ':memory:' });
    const file = join(delivery(WEEKS), 'orders.parquet');
    await cut.run(
      `copy (select * from read_parquet($file) where created_at < timestamp '2026-05-28 00:00:00' order by all)
       to ${quoteLiteral(join(dir, 'orders.parquet'))} (format parquet)`,
      { file },
    );
    cut.close();
    const wh = await delivered({ [WEEKS]: dir });
    try {
      expect((await governWeek(wh, END, config)).skipped).toMatch(
        /^in the week 2026-05-25 – 2026-05-31, the orders stop at 2026-05-27 \d\d:\d\d UTC, before the last day of the week; nothing judged or published for the week; last week's recommendations stand$/,
      );
    } finally {
      wh.close();
    }
  });

  it('keeps a skipped week unjudged when the next run computes it, and judges it once its file arrives', async () => {
    const scorecardRows = async (wh: Warehouse, week: string) =>
      Number(await wh.scalar<bigint>('select count(*) from merchant_scorecard where as_of = $week::date', { week }));
    const skippedWeek = weekEnd(WEEKS - 1);
    const wh = await Warehouse.open({ path: ':memory:', threads: 1 });
    try {
      for (let k = 0; k < WEEKS - 1; k++) await ingestInto(wh, { from: delivery(k), knownAt: weekEnd(k) });
      await ingestInto(wh, { from: await withTickets(WEEKS - 1, 'skip', null), knownAt: skippedWeek });
      expect((await governWeek(wh, skippedWeek, config)).skipped).toMatch(/^no service tickets in the week /);
      // the next week is delivered whole; its run computes the skipped week too, which must not be judged
      await ingestInto(wh, { from: delivery(WEEKS), knownAt: END });
      const next = await governWeek(wh, END, config);
      expect(next.skipped).toBeUndefined();
      expect(next.computed).toContain(skippedWeek);
      expect(next.unjudged).toEqual([
        {
          week: skippedWeek,
          reason: expect.stringMatching(/^no service tickets in the week 2026-05-18 – 2026-05-24, /),
        },
      ]);
      expect(formatGovernSummary(next)).toContain('  not judged:   2026-05-25: no service tickets in the week');
      expect(await scorecardRows(wh, skippedWeek)).toBe(0);
      // nor does the ladder step through it as a clean week with recommendations of its own
      const recommended = await wh.scalar<bigint>(
        'select count(*) from merchant_actions_recommended where as_of = $week::date',
        { week: skippedWeek },
      );
      expect(Number(recommended)).toBe(0);
      expect(await scorecardRows(wh, END)).toBeGreaterThan(0);
      // the missing file arrives late: the week is judged
      await ingestInto(wh, { from: await withTickets(WEEKS, 'lateFile', weekOf(WEEKS - 1)), knownAt: END });
      await governWeek(wh, END, config);
      expect(await scorecardRows(wh, skippedWeek)).toBeGreaterThan(0);
    } finally {
      wh.close();
    }
  });

  it('reads a tickets feed that always arrives with the next week’s delivery as complete', async () => {
    const late: Record<number, string> = {};
    for (let k = 1; k <= WEEKS; k++) late[k] = await withTickets(k, 'late', weekOf(k - 1));
    const wh = await delivered(late);
    try {
      const counts = await feedWeekCounts(wh, END, 13);
      expect(counts.feeds.service_tickets!.delivered!.slice(-5)).toEqual([0, 0, 0, 0, 0]);
      expect(feedGaps(counts)).toEqual([]);
      expect((await governWeek(wh, END, config)).skipped).toBeUndefined();
    } finally {
      wh.close();
    }
  });
});
