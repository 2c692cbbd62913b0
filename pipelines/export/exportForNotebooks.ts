// Writes the export folder the notebooks read: one Parquet file per dataset, the feature catalogue and manifest.json.
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONFIG_DEFAULTS } from '../../data/config/configSchema.ts';
import type { Warehouse } from '../../data/warehouse/Warehouse.ts';
import type { Logger } from '../../data/log/Logger.ts';
import { readSql } from '../../data/warehouse/readSql.ts';
import { boundParams } from '../../data/warehouse/boundParams.ts';
import { featureCatalog } from '../features/featureCatalog.ts';
import { producerOf } from '../cli/stageTables.ts';
import { EXPORT_DATASETS, INVESTIGATE_LOOKBACK_DAYS } from './exportDatasets.ts';
import { EXPORT_FORMAT, type ExportFile, type ExportManifest } from './exportManifest.ts';
import { writeParquet } from './writeParquet.ts';

export interface ExportOptions {
  /** Weeks of refund requests in replay_requests (config simulate.weeks). */
  replayWeeks?: number;
  /** Days of refund requests in investigate_requests (default INVESTIGATE_LOOKBACK_DAYS). */
  lookbackDays?: number;
  /** Weekly review capacity (config review.capacity): the what-if notebook's starting capacity. */
  reviewCapacity?: number;
  /** Risk of the high tier (config tiers.buyerHigh): the what-if notebook's starting threshold. */
  buyerHigh?: number;
}

export const CATALOG_FILE = 'feature_catalog.json';

/** Exports the as-of week for analysts; datasets whose tables are missing are skipped with a warning, never an error. */
export async function exportForNotebooks(
  wh: Warehouse,
  asOf: string,
  outDir: string,
  log: Logger,
  options: ExportOptions = {},
): Promise<ExportManifest> {
  const settings = {
    replay_weeks: options.replayWeeks ?? CONFIG_DEFAULTS.simulate.weeks,
    lookback_days: options.lookbackDays ?? INVESTIGATE_LOOKBACK_DAYS,
    review_capacity: options.reviewCapacity ?? CONFIG_DEFAULTS.review.capacity,
    buyer_high: options.buyerHigh ?? CONFIG_DEFAULTS.tiers.buyerHigh,
  };
  const params = { as_of: asOf, weeks: settings.replay_weeks, lookback_days: settings.lookback_days };
  mkdirSync(outDir, { recursive: true });
  const files: ExportFile[] = [];
  const skipped: ExportManifest['skipped'] = [];
  for (const ds of EXPORT_DATASETS) {
    const target = join(outDir, `${ds.name}.parquet`);
    const missing: string[] = [];
    for (const t of ds.reads) if (!(await wh.tableExists(t))) missing.push(t);
    if (missing.length) {
      const stages = [...new Set(missing.map((t) => producerOf(t) ?? 'run'))].map((s) => `\`trustlens ${s}\``);
      const reason = `table${missing.length > 1 ? 's' : ''} ${missing.join(', ')} not in the warehouse; run ${stages.join(' and ')} (or \`trustlens run\`) first`;
      log.warn(`export: skipped ${ds.name}: ${reason}`);
      skipped.push({ name: ds.name, reason });
      rmSync(target, { force: true }); // a file left from an older export would contradict the manifest
      continue;
    }
    const sql = readSql(new URL(`./sql/${ds.sqlFile}`, import.meta.url));
    const { rows, columns } = await writeParquet(wh, sql, boundParams(sql, params), target);
    if (rows === 0) log.warn(`export: ${ds.name} has no rows as of ${asOf}; was the pipeline run for that date?`);
    log.detail(`export: ${ds.name}: ${rows} rows`);
    files.push({ name: ds.name, file: `${ds.name}.parquet`, rows, description: ds.description, columns });
  }
  const catalog = writeCatalog(outDir, log);
  const manifest: ExportManifest = { format: EXPORT_FORMAT, as_of: asOf, files, skipped, settings, catalog };
  const tmp = join(outDir, 'manifest.json.tmp');
  writeFileSync(tmp, JSON.stringify(manifest, null, 2) + '\n');
  renameSync(tmp, join(outDir, 'manifest.json'));
  return manifest;
}

/** The feature catalogue as JSON so notebooks can describe every column; skipped with a warning if it cannot be read. */
function writeCatalog(outDir: string, log: Logger): string | null {
  try {
    const catalog = featureCatalog();
    const plain = Object.fromEntries(
      Object.entries(catalog).map(([table, t]) => [
        table,
        {
          description: t.description,
          columns: t.columns.map((c) => ({
            name: c.name,
            description: c.description,
            unit: c.unit,
            window: c.window,
            role: c.role,
            component: c.component ?? null,
          })),
        },
      ]),
    );
    writeFileSync(join(outDir, CATALOG_FILE), JSON.stringify(plain, null, 2) + '\n');
    return CATALOG_FILE;
  } catch (err) {
    log.warn(`export: skipped the feature catalogue: ${err instanceof Error ? err.message : String(err)}`);
    return null;
  }
}
