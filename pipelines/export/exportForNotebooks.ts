// Writes the export folder the notebooks read: one Parquet file per dataset, the feature catalogue and manifest.json.
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { cleanStaleFolders, swapFolder, swapNames } from '../../data/files/staleFolders.ts';
import { UserError } from '../../data/validation/errors.ts';
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
import { withMemoryLimit } from '../../data/warehouse/withMemoryLimit.ts';

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

/**
 * DuckDB's memory limit while the export writes (or the warehouse's own when that is lower). Each dataset is one
 * sorted write that streams from the published tables: at 10M orders it took 2.3 GB of memory under the warehouse's
 * 3GB and 1.4 GB under this, in the same time, and at the end of a weekly run it set the run's peak.
 */
export const EXPORT_MEMORY_LIMIT = '1GB';

/**
 * Exports the as-of week for analysts; datasets whose tables are missing are skipped with a warning, never an error.
 */
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
  refuseForeignFolder(outDir);
  // Built beside the folder and swapped in whole: a killed export leaves the previous one, manifest and all.
  cleanStaleFolders(dirname(resolve(outDir)));
  const dir = swapNames(resolve(outDir)).tmp;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  try {
    const manifest = await withMemoryLimit(
      wh,
      EXPORT_MEMORY_LIMIT,
      () => writeExport(wh, asOf, dir, log, settings),
      (why) => log.warn(`export: ${why}`),
    );
    swapFolder(dir, resolve(outDir));
    return manifest;
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
}

/** The names an export folder holds (earlier versions wrote the manifest through `manifest.json.tmp`). */
function isExportFile(name: string): boolean {
  return (
    ['manifest.json', 'manifest.json.tmp', CATALOG_FILE].includes(name) ||
    EXPORT_DATASETS.some((ds) => name === `${ds.name}.parquet`)
  );
}

/** The export replaces its whole folder: a folder holding other files is refused instead of emptied. */
function refuseForeignFolder(outDir: string): void {
  if (!existsSync(outDir)) return;
  const foreign = readdirSync(outDir).filter((f) => !isExportFile(f));
  if (foreign.length === 0) return;
  const shown = foreign.slice(0, 3).join(', ') + (foreign.length > 3 ? `, … (${foreign.length} in all)` : '');
  throw new UserError(
    `export folder ${outDir} holds files that are not part of an export (${shown}); the export replaces the whole folder, so choose a new or empty --out`,
  );
}

async function writeExport(
  wh: Warehouse,
  asOf: string,
  dir: string,
  log: Logger,
  settings: ExportManifest['settings'],
): Promise<ExportManifest> {
  const params = { as_of: asOf, weeks: settings.replay_weeks, lookback_days: settings.lookback_days };
  const files: ExportFile[] = [];
  const skipped: ExportManifest['skipped'] = [];
  for (const ds of EXPORT_DATASETS) {
    const target = join(dir, `${ds.name}.parquet`);
    const missing: string[] = [];
    for (const t of ds.reads) if (!(await wh.tableExists(t))) missing.push(t);
    if (missing.length) {
      const stages = [...new Set(missing.map((t) => producerOf(t) ?? 'run'))].map((s) => `\`trustlens ${s}\``);
      const reason = `table${missing.length > 1 ? 's' : ''} ${missing.join(', ')} not in the warehouse; run ${stages.join(' and ')} (or \`trustlens run\`) first`;
      log.warn(`export: skipped ${ds.name}: ${reason}`);
      skipped.push({ name: ds.name, reason });
      continue;
    }
    const sql = readSql(new URL(`./sql/${ds.sqlFile}`, import.meta.url));
    const { rows, columns } = await writeParquet(wh, sql, boundParams(sql, params), target);
    if (rows === 0) log.warn(`export: ${ds.name} has no rows as of ${asOf}; was the pipeline run for that date?`);
    log.detail(`export: ${ds.name}: ${rows} rows`);
    files.push({ name: ds.name, file: `${ds.name}.parquet`, rows, description: ds.description, columns });
  }
  const catalog = writeCatalog(dir, log);
  const manifest: ExportManifest = { format: EXPORT_FORMAT, as_of: asOf, files, skipped, settings, catalog };
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  return manifest;
}

/**
 * The feature catalogue as JSON so notebooks can describe every column; skipped with a warning if it cannot be read.
 */
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
