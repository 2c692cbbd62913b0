// Handler of `trustlens report`: reads the warehouse and model artifacts for one week and writes the HTML reports and CSV.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { CommandContext } from '../cli/defineCommand.ts';
import { UserError } from '../../data/validation/errors.ts';
import { withWarehouse } from '../cli/withWarehouse.ts';
import { checkWeeklyWeekday } from '../cli/weeklyWeekday.ts';
import type { Warehouse } from '../../data/warehouse/Warehouse.ts';
import { buildReports, type BuiltReports } from '../../reports/buildReports.ts';
import { loadReportData } from '../../reports/loadReportData.ts';

/** The catalogue's model inputs, when the features stage's catalogue is readable; drift falls back to all numeric columns. */
async function catalogueColumns(): Promise<{ buyer?: string[]; merchant?: string[] }> {
  try {
    const { featureNames } = await import('../features/featureCatalog.ts');
    return { buyer: featureNames('feat_buyer'), merchant: featureNames('feat_merchant') };
  } catch {
    return {};
  }
}

export interface ReportContext {
  config: CommandContext['config'];
  log: CommandContext['log'];
}

/** Writes the reports of `asOf` from an open warehouse into outDir (default <reportsDir>/<asOf>). */
export async function reportInto(wh: Warehouse, asOf: string, ctx: ReportContext, out?: string): Promise<BuiltReports> {
  const outDir = out ?? join(ctx.config.reportsDir, asOf);
  for (const table of ['orders', 'refund_requests', 'merchants']) {
    if (!(await wh.tableExists(table))) throw new UserError(`warehouse ${wh.path} has no ${table} table; run \`trustlens ingest\` first`);
  }
  const data = await ctx.log.step('load report data', async () =>
    loadReportData(wh, asOf, {
      trendWeeks: ctx.config.report.trendWeeks,
      movers: ctx.config.report.movers,
      reviewCapacity: ctx.config.review.capacity,
      artifactsDir: ctx.config.artifactsDir,
      featureColumns: await catalogueColumns(),
      settings: { retrainIntervalDays: ctx.config.training.retrainIntervalDays, merchantHorizonDays: ctx.config.labels.merchantHorizonDays },
    }),
  );
  const built = await ctx.log.step('write reports', async () => buildReports(data, outDir));
  if (!data.queue.rows) ctx.log.warn(`no risk queue for ${asOf}; run \`trustlens score --as-of ${asOf}\``);
  if (!data.policy.results) ctx.log.warn(`no simulation results for ${asOf}; run \`trustlens simulate --as-of ${asOf}\``);
  return built;
}

export async function runReport(options: { asOf: string; out?: string; weekdayOk?: boolean }, ctx: CommandContext): Promise<BuiltReports> {
  if (ctx.warehouse !== ':memory:' && !existsSync(ctx.warehouse)) {
    throw new UserError(`warehouse ${ctx.warehouse} does not exist; run \`trustlens ingest\` (or \`trustlens run\`) first, or pass --warehouse`);
  }
  const built = await withWarehouse(ctx, null, async (wh) => {
    await checkWeeklyWeekday(wh, options.asOf, options.weekdayOk ?? false, ctx.log);
    return reportInto(wh, options.asOf, ctx, options.out);
  });
  ctx.log.info(`reports: ${join(built.dir, 'index.html')}`);
  return built;
}
