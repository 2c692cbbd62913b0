// Makes sure feature history holds every snapshot date a stage needs, building the missing ones (history only).
import { addDays } from '../../data/time/isoDate.ts';
import { buildFeatureDates } from './buildFeatures.ts';
import { buildRequestFeatures, REQUEST_HISTORY, refreshRequestFeatures } from './buildRequestFeatures.ts';
import type { Logger } from '../../data/log/Logger.ts';
import type { Warehouse } from '../../data/warehouse/Warehouse.ts';
import { snapshotDates } from './loadFeatureColumns.ts';
import { readSql } from '../../data/warehouse/readSql.ts';

/**
 * Rows one features pass may hold, counted as each date's orders placed before it plus the buyers table (staging
 * copies every buyer once per date before it filters): a pass of N dates holds each staging and intermediate model
 * about N times over, so a long history on a large marketplace is built in a few passes instead of one.
 */
export const PASS_ROWS = 4_000_000;

/** A snapshot date and the rows it adds to a pass (passRows). */
export interface DateRows {
  date: string;
  rows: number;
}

/**
 * Dates (ascending) cut into passes of at most PASS_ROWS rows, at least one date each. Each date counts its own rows
 * (passRows), so the early dates of a long history (few orders before them) share passes that the latest fill alone.
 */
export function snapshotPasses(dates: readonly DateRows[]): string[][] {
  const passes: string[][] = [];
  let pass: string[] = [];
  let held = 0;
  for (const { date, rows } of dates) {
    if (pass.length > 0 && held + rows > PASS_ROWS) {
      passes.push(pass);
      pass = [];
      held = 0;
    }
    pass.push(date);
    held += rows;
  }
  if (pass.length > 0) passes.push(pass);
  return passes;
}

/**
 * Each date with the rows it adds to a pass: the orders placed before it and every buyer, so a marketplace of many
 * buyers and few orders (early in its history) does not stack its dates without bound.
 */
export async function passRows(wh: Warehouse, dates: readonly string[]): Promise<DateRows[]> {
  const days = (await wh.tableExists('orders'))
    ? await wh.all<{ day: string; orders: bigint }>(
        `select day::varchar as day, orders from (${readSql(new URL('./sql/orders_per_day.sql', import.meta.url))})`,
      )
    : [];
  const buyers = (await wh.tableExists('buyers')) ? Number(await wh.scalar<bigint>('select count(*) from buyers')) : 0;
  return dates.map((date) => ({
    date,
    rows: buyers + days.reduce((n, d) => (d.day < date ? n + Number(d.orders) : n), 0),
  }));
}

export interface SnapshotNeed {
  /** History table, e.g. feat_buyer_history. */
  table: string;
  dates: readonly string[];
}

/**
 * Builds every date some history table lacks, in one pass of the features SQL over all of them (or a few passes on a
 * large marketplace; one build fills all buyer and merchant tables; feat_request_history is built, all weeks in one
 * pass, after the snapshots its requests refer to: the weeks it lacks and those its bookkeeping cannot show to still
 * hold); `rebuild` rebuilds them all.
 * Returns the dates built, ascending.
 */
export async function ensureFeatureSnapshots(
  wh: Warehouse,
  needs: readonly SnapshotNeed[],
  log: Logger,
  rebuild = false,
): Promise<string[]> {
  const requestNeeds = needs.filter((n) => n.table === REQUEST_HISTORY);
  // A week of requests is described with the buyer and merchant snapshots of the week's start.
  const entityNeeds = [
    ...needs.filter((n) => n.table !== REQUEST_HISTORY),
    ...requestNeeds.map((n) => ({ table: 'feat_buyer_history', dates: n.dates.map((d) => addDays(d, -7)) })),
  ];
  const missing = new Set<string>();
  for (const need of entityNeeds) {
    // a rebuild (each replayed week) reads no stored dates: a scan of the history table per week saved
    const have = rebuild ? new Set<string>() : await snapshotDates(wh, need.table);
    for (const d of need.dates) if (!have.has(d)) missing.add(d);
  }
  const dates = [...missing].sort();
  // One date is one pass: its rows need no counting.
  const passes = dates.length > 1 ? snapshotPasses(await passRows(wh, dates)) : dates.map((d) => [d]);
  // Building adds no scores, so every date reads the same score history whether built alone or beside the others.
  let done = 0;
  for (const pass of passes) {
    await buildFeatureDates(wh, pass, { writeCurrent: false, log });
    done += pass.length;
    log.progress('feature snapshots', done, dates.length);
  }
  // A stored request week is read only while its bookkeeping shows it still holds (refreshRequestFeatures).
  const requestWeeks = [...new Set(requestNeeds.flatMap((n) => n.dates))].sort();
  let requestDates = requestWeeks;
  if (rebuild) await buildRequestFeatures(wh, requestWeeks, log);
  else requestDates = await refreshRequestFeatures(wh, requestWeeks, log);
  return [...new Set([...dates, ...requestDates])].sort();
}
