// Rows of each event feed per week and the weekly deliveries, the input of the missing-file rule (feedGap.ts).
import { versionsTable, type TableName } from '../contracts/index.ts';
import { quoteIdent } from '../warehouse/quoteIdent.ts';
import { readSql } from '../warehouse/readSql.ts';
import type { Warehouse } from '../warehouse/Warehouse.ts';
import { FEEDS, type FeedCounts } from './feedGap.ts';

/** Rows of `file` a week, oldest first (the SQL numbers week 0 as the week to asOf). */
async function countWeeks(wh: Warehouse, file: string, slots: Record<string, string>, asOf: string, weeks: number) {
  const rows = await wh.all<{ week: bigint; n: bigint }>(readSql(new URL(`./sql/${file}`, import.meta.url), slots), {
    as_of: asOf,
    weeks,
  });
  return rows.map((r) => Number(r.n)).reverse();
}

/** First versions of `table` dated in each week and known by its end; null without a versions table. */
async function deliveredWeeks(wh: Warehouse, table: TableName, time: string, asOf: string, weeks: number) {
  const versions = versionsTable(table);
  if (!(await wh.tableExists(versions))) return null;
  const slots = { versions: quoteIdent(versions), time: quoteIdent(time) };
  return countWeeks(wh, 'feed_week_delivered.sql', slots, asOf, weeks);
}

/** Orders and each feed table's rows in each of the `weeks` weeks to `asOf` (feeds the warehouse lacks are absent). */
export async function feedWeekCounts(wh: Warehouse, asOf: string, weeks: number): Promise<FeedCounts> {
  const orders = { table: quoteIdent('orders'), time: quoteIdent('created_at') };
  const counts: FeedCounts = {
    orders: (await wh.tableExists('orders'))
      ? await countWeeks(wh, 'feed_week_counts.sql', orders, asOf, weeks)
      : Array<number>(weeks).fill(0),
    runs: await deliveredWeeks(wh, 'orders', 'created_at', asOf, weeks),
    feeds: {},
  };
  for (const feed of FEEDS) {
    if (!(await wh.tableExists(feed.table))) continue;
    const slots = { table: quoteIdent(feed.table), time: quoteIdent(feed.time) };
    counts.feeds[feed.table] = {
      dated: await countWeeks(wh, 'feed_week_counts.sql', slots, asOf, weeks),
      delivered: await deliveredWeeks(wh, feed.table, feed.time, asOf, weeks),
    };
  }
  return counts;
}
