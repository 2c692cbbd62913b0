// Makes sure feature history holds every snapshot date a stage needs, building the missing ones (history only).
import { buildFeatures } from './buildFeatures.ts';
import type { Logger } from '../../data/log/Logger.ts';
import type { Warehouse } from '../../data/warehouse/Warehouse.ts';
import { snapshotDates } from './loadFeatureColumns.ts';

export interface SnapshotNeed {
  /** History table, e.g. feat_buyer_history. */
  table: string;
  dates: readonly string[];
}

/**
 * Builds every date some history table lacks (one build fills all feature tables); `rebuild` rebuilds them all.
 * Returns the dates built, ascending.
 */
export async function ensureFeatureSnapshots(wh: Warehouse, needs: readonly SnapshotNeed[], log: Logger, rebuild = false): Promise<string[]> {
  const missing = new Set<string>();
  for (const need of needs) {
    const have = await snapshotDates(wh, need.table);
    for (const d of need.dates) if (rebuild || !have.has(d)) missing.add(d);
  }
  const dates = [...missing].sort();
  for (const [i, d] of dates.entries()) {
    await buildFeatures(wh, d, { writeCurrent: false, log });
    log.progress('feature snapshots', i + 1, dates.length);
  }
  return dates;
}
