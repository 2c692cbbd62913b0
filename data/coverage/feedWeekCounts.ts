// Rows of each event feed per week, the input of the missing-file rule (missingFeed.ts).
import { quoteIdent } from '../warehouse/quoteIdent.ts';
import { readSql } from '../warehouse/readSql.ts';
import type { Warehouse } from '../warehouse/Warehouse.ts';
import { FEEDS, type FeedTable } from './missingFeed.ts';

/**
 * Per feed table the warehouse holds, its rows in each of the `weeks` weeks ending at `asOf`, oldest first (the last
 * is the week to asOf). A feed whose table does not exist yet is absent.
 */
export async function feedWeekCounts(
  wh: Warehouse,
  asOf: string,
  weeks: number,
): Promise<Partial<Record<FeedTable, number[]>>> {
  const counts: Partial<Record<FeedTable, number[]>> = {};
  for (const feed of FEEDS) {
    if (!(await wh.tableExists(feed.table))) continue;
    const rows = await wh.all<{ week: bigint; n: bigint }>(
      readSql(new URL('./sql/feed_week_counts.sql', import.meta.url), {
        table: quoteIdent(feed.table),
        time: quoteIdent(feed.time),
      }),
      { as_of: asOf, weeks },
    );
    // week 0 is the week to asOf: reversed, oldest first
    counts[feed.table] = rows.map((r) => Number(r.n)).reverse();
  }
  return counts;
}
