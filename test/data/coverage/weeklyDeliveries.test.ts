// Feed coverage on a generated marketplace delivered week by week: complete weeks never read as missing or partial
// (reviews arrive late), and a week whose tickets file is cut short or left out is named, and not judged by govern.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configSchema } from '../../../data/config/configSchema.ts';
import { FEEDS, feedGap } from '../../../data/coverage/feedGap.ts';
import { feedWeekCounts } from '../../../data/coverage/feedWeekCounts.ts';
import { generateMarketplace } from '../../../data/synthetic/generateMarketplace.ts';
import { sliceExport } from '../../../data/synthetic/sliceExport.ts';
import { addDays } from '../../../data/time/isoDate.ts';
import { quoteLiteral } from '../../../data/warehouse/quoteIdent.ts';
import { Warehouse } from '../../../data/warehouse/Warehouse.ts';
import { governWeek } from '../../../pipelines/govern/governWeek.ts';
import { ingestInto } from '../../../pipelines/ingest/runIngest.ts';

const END = '2026-06-01';
const WEEKS = 5;
const root = mkdtempSync(join(tmpdir(), 'trustlens-feed-coverage-'));
/** Delivery 0 is the history before the weekly ones; delivery k (1…5) the week ending k weeks after it. */
const weekEnd = (k: number) => addDays(END, -7 * (WEEKS - k));
const delivery = (k: number) => join(root, `delivery${k}`);
const config = configSchema.parse({});

/** A warehouse of every delivery, each ingested as its weekly run does (known at the week's end), `last` the last. */
async function delivered(last = delivery(WEEKS)): Promise<Warehouse> {
  const wh = await Warehouse.open({ path: ':memory:', threads: 1 });
  for (let k = 0; k < WEEKS; k++) await ingestInto(wh, { from: delivery(k), knownAt: weekEnd(k) });
  await ingestInto(wh, { from: last, knownAt: END });
  return wh;
}

/** The last delivery with its tickets file replaced by the first `share` of its rows (0: no file). */
async function ticketsCut(share: number): Promise<string> {
  const dir = join(root, `cut${share}`);
  cpSync(delivery(WEEKS), dir, { recursive: true });
  rmSync(join(dir, 'service_tickets.parquet'));
  if (share > 0) {
    const wh = await Warehouse.open({ path: ':memory:' });
    const file = join(delivery(WEEKS), 'service_tickets.parquet');
    const n = Number(await wh.scalar<bigint>('select count(*) from read_parquet($file)', { file }));
    await wh.run(
      `copy (select * from read_parquet($file) order by opened_at limit ${Math.round(share * n)}) to ${quoteLiteral(join(dir, 'service_tickets.parquet'))} (format parquet)`,
      { file },
    );
    wh.close();
  }
  return dir;
}

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
        const counts = await feedWeekCounts(wh, asOf, 5);
        for (const feed of FEEDS) {
          const weeks = counts[feed.table]!;
          expect(weeks.delivered!.every((n) => n > 0)).toBe(true);
          expect(feedGap(weeks.dated, weeks.delivered), `${feed.table} as of ${asOf}`).toBeNull();
        }
      }
      // the newest week holds under a quarter of what the weeks before hold today, as many as they held in their time
      const reviews = (await feedWeekCounts(wh, END, 5)).reviews!;
      const [before, now] = [reviews.dated.slice(0, -1), reviews.dated.at(-1)!];
      expect(now).toBeLessThan(0.25 * Math.min(...before));
      expect(now).toBeGreaterThan(0.5 * Math.min(...reviews.delivered!.slice(0, -1)));
      expect((await governWeek(wh, END, config)).skipped).toBeUndefined();
    } finally {
      wh.close();
    }
  });

  it('names a tickets file cut to a tenth, and govern does not judge the week', async () => {
    const wh = await delivered(await ticketsCut(0.1));
    try {
      const tickets = (await feedWeekCounts(wh, END, 5)).service_tickets!;
      expect(feedGap(tickets.dated, tickets.delivered)).toMatchObject({ kind: 'partial', asDelivered: true });
      expect((await governWeek(wh, END, config)).skipped).toMatch(
        /^only \d+ service tickets in the week 2026-05-25 – 2026-05-31, \d+% of the median week before it \(\d+; \d+, \d+, \d+, \d+ as their own runs read them\): the week's service ticket files look incomplete, and every answer or resolution they would bring would read as a failure; nothing judged or published for the week; last week's recommendations stand$/,
      );
    } finally {
      wh.close();
    }
  });

  it('names a week delivered without its tickets file', async () => {
    const wh = await delivered(await ticketsCut(0));
    try {
      const tickets = (await feedWeekCounts(wh, END, 5)).service_tickets!;
      expect(feedGap(tickets.dated, tickets.delivered)).toMatchObject({ kind: 'missing', rows: 0, asDelivered: true });
    } finally {
      wh.close();
    }
  });
});
