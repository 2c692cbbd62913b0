// `trustlens export` handler: opens the warehouse and writes the as-of week's export folder (default
// <reportsDir>/<date>/data/).
import { join } from 'node:path';
import type { CommandContext } from '../cli/defineCommand.ts';
import { withWarehouse } from '../cli/withWarehouse.ts';
import type { Warehouse } from '../../data/warehouse/Warehouse.ts';
import { exportForNotebooks } from './exportForNotebooks.ts';
import type { ExportManifest } from './exportManifest.ts';

export interface ExportCommandOptions {
  asOf: string;
  out?: string;
}

/**
 * The folder an export of `asOf` goes to when --out is not given; the notebooks build looks for the newest one here.
 */
export function defaultExportDir(reportsDir: string, asOf: string): string {
  return join(reportsDir, asOf, 'data');
}

/** Exports `asOf` from an open warehouse; logs what was written and skipped. */
export async function exportInto(
  wh: Warehouse,
  asOf: string,
  ctx: Pick<CommandContext, 'config' | 'log'>,
  out?: string,
): Promise<ExportManifest> {
  const outDir = out ?? defaultExportDir(ctx.config.reportsDir, asOf);
  const manifest = await ctx.log.step(`export ${asOf}`, () =>
    exportForNotebooks(wh, asOf, outDir, ctx.log, {
      replayWeeks: ctx.config.simulate.weeks,
      reviewCapacity: ctx.config.review.capacity,
      buyerHigh: ctx.config.tiers.buyerHigh,
    }),
  );
  const rows = manifest.files.reduce((n, f) => n + f.rows, 0);
  ctx.log.info(
    `exported ${manifest.files.length} dataset${manifest.files.length === 1 ? '' : 's'} (${rows} rows) to ${outDir}` +
      (manifest.skipped.length ? `; skipped ${manifest.skipped.map((s) => s.name).join(', ')}` : ''),
  );
  return manifest;
}

export async function runExport(options: ExportCommandOptions, ctx: CommandContext): Promise<void> {
  await withWarehouse(ctx, null, (wh) => exportInto(wh, options.asOf, ctx, options.out));
}
