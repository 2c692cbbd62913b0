// Makes sure feature history holds every snapshot date a stage needs, building the missing ones (history only).
import { addDays } from '../../data/time/isoDate.ts';
import { buildFeatures } from './buildFeatures.ts';
import { buildRequestFeatures, REQUEST_HISTORY } from './buildRequestFeatures.ts';
import type { Logger } from '../../data/log/Logger.ts';
import type { Warehouse } from '../../data/warehouse/Warehouse.ts';
import { snapshotDates } from './loadFeatureColumns.ts';

export interface SnapshotNeed {
  /** History table, e.g. feat_buyer_history. */
  table: string;
  dates: readonly string[];
}

/**
 * Builds every date some history table lacks (one build fills all buyer and merchant tables; feat_request_history is
 * built per week after the snapshots its requests refer to); `rebuild` rebuilds them all.
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
    const have = await snapshotDates(wh, need.table);
    for (const d of need.dates) if (rebuild || !have.has(d)) missing.add(d);
  }
  const dates = [...missing].sort();
  for (const [i, d] of dates.entries()) {
    await buildFeatures(wh, d, { writeCurrent: false, log });
    log.progress('feature snapshots', i + 1, dates.length);
  }
  const requestMissing = new Set<string>();
  for (const need of requestNeeds) {
    const have = await snapshotDates(wh, need.table);
    for (const d of need.dates) if (rebuild || !have.has(d)) requestMissing.add(d);
  }
  const requestDates = [...requestMissing].sort();
  for (const [i, d] of requestDates.entries()) {
    await buildRequestFeatures(wh, d, log);
    log.progress('request feature weeks', i + 1, requestDates.length);
  }
  return [...new Set([...dates, ...requestDates])].sort();
}
