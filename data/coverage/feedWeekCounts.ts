// Rows of each event feed per week, the input of the missing-file rule (feedGap.ts).
import { versionsTable } from '../contracts/index.ts';
import { quoteIdent } from '../warehouse/quoteIdent.ts';
import { readSql } from '../warehouse/readSql.ts';
import type { Warehouse } from '../warehouse/Warehouse.ts';
import { FEEDS, type FeedTable } from './feedGap.ts';

/** One feed's rows a week, oldest first (the last is the week to asOf). */
export interface FeedWeeks {
  /** Rows dated in each week, as the warehouse holds them now. */
  dated: number[];
  /**
   * Rows each week held when its own run read it (first delivered by the week's end); null without delivery
   * bookkeeping (a warehouse not built by ingest).
   */
  delivered: number[] | null;
}

async function countWeeks(wh: Warehouse, file: string, slots: Record<string, string>, asOf: string, weeks: number) {
  const rows = await wh.all<{ week: bigint; n: bigint }>(readSql(new URL(`./sql/${file}`, import.meta.url), slots), {
    as_of: asOf,
    weeks,
  });
  // week 0 is the week to asOf: reversed, oldest first
  return rows.map((r) => Number(r.n)).reverse();
}

/** Per feed table the warehouse holds (others absent), its rows in each of the `weeks` weeks to `asOf`. */
export async function feedWeekCounts(
  wh: Warehouse,
  asOf: string,
  weeks: number,
): Promise<Partial<Record<FeedTable, FeedWeeks>>> {
  const counts: Partial<Record<FeedTable, FeedWeeks>> = {};
  for (const feed of FEEDS) {
    if (!(await wh.tableExists(feed.table))) continue;
    const time = quoteIdent(feed.time);
    const dated = await countWeeks(wh, 'feed_week_counts.sql', { table: quoteIdent(feed.table), time }, asOf, weeks);
    const versions = versionsTable(feed.table);
    const delivered = (await wh.tableExists(versions))
      ? await countWeeks(wh, 'feed_week_delivered.sql', { versions: quoteIdent(versions), time }, asOf, weeks)
      : null;
    counts[feed.table] = { dated, delivered };
  }
  return counts;
}
