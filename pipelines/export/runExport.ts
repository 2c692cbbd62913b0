// `trustlens export` handler: opens the warehouse and writes the as-of week's export folder (default <reportsDir>/<date>/data/).
import { join } from 'node:path';
import type { CommandContext } from '../cli/defineCommand.ts';
import { Warehouse } from '../warehouse/Warehouse.ts';
import { exportForNotebooks } from './exportForNotebooks.ts';

export interface ExportCommandOptions {
  asOf: string;
  out?: string;
}

/** The folder an export of `asOf` goes to when --out is not given; the notebooks build looks for the newest one here. */
export function defaultExportDir(reportsDir: string, asOf: string): string {
  return join(reportsDir, asOf, 'data');
}

export async function runExport(options: ExportCommandOptions, ctx: CommandContext): Promise<void> {
  const outDir = options.out ?? defaultExportDir(ctx.config.reportsDir, options.asOf);
  const wh = await Warehouse.open({ path: ctx.warehouse });
  try {
    const manifest = await ctx.log.step(`export ${options.asOf}`, () =>
      exportForNotebooks(wh, options.asOf, outDir, ctx.log, {
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
  } finally {
    wh.close();
  }
}
