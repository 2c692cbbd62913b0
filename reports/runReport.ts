// Handler of `trustlens report`: reads the warehouse and model artifacts for one week and writes the HTML reports and CSV.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { CommandContext } from '../pipelines/cli/defineCommand.ts';
import { UserError } from '../pipelines/cli/errors.ts';
import { Warehouse } from '../pipelines/warehouse/Warehouse.ts';
import { buildReports, type BuiltReports } from './buildReports.ts';
import { loadReportData } from './loadReportData.ts';

/** The catalogue's model inputs, when the features stage's catalogue is readable; drift falls back to all numeric columns. */
async function catalogueColumns(): Promise<{ buyer?: string[]; merchant?: string[] }> {
  try {
    const { featureNames } = await import('../pipelines/features/featureCatalog.ts');
    return { buyer: featureNames('feat_buyer'), merchant: featureNames('feat_merchant') };
  } catch {
    return {};
  }
}

export async function runReport(options: { asOf: string; out?: string }, ctx: CommandContext): Promise<BuiltReports> {
  if (ctx.warehouse !== ':memory:' && !existsSync(ctx.warehouse)) {
    throw new UserError(`warehouse ${ctx.warehouse} does not exist; run \`trustlens ingest\` (or \`trustlens run\`) first, or pass --warehouse`);
  }
  const outDir = options.out ?? join(ctx.config.reportsDir, options.asOf);
  const wh = await Warehouse.open({ path: ctx.warehouse });
  try {
    for (const table of ['orders', 'refund_requests', 'merchants']) {
      if (!(await wh.tableExists(table))) throw new UserError(`warehouse ${ctx.warehouse} has no ${table} table; run \`trustlens ingest\` first`);
    }
    const data = await ctx.log.step('load report data', async () =>
      loadReportData(wh, options.asOf, {
        trendWeeks: ctx.config.report.trendWeeks,
        movers: ctx.config.report.movers,
        reviewCapacity: ctx.config.review.capacity,
        artifactsDir: ctx.config.artifactsDir,
        featureColumns: await catalogueColumns(),
      }),
    );
    const built = await ctx.log.step('write reports', async () => buildReports(data, outDir));
    if (!data.queue.rows) ctx.log.warn(`no risk queue for ${options.asOf}; run \`trustlens score --as-of ${options.asOf}\``);
    if (!data.policy.results) ctx.log.warn(`no simulation results for ${options.asOf}; run \`trustlens simulate --as-of ${options.asOf}\``);
    ctx.log.info(`reports: ${join(built.dir, 'index.html')}`);
    return built;
  } finally {
    wh.close();
  }
}
