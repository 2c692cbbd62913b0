// Handler of `trustlens report`: reads the warehouse and model artifacts for one week and writes the HTML reports and
// CSV.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { CommandContext } from '../cli/defineCommand.ts';
import { UserError } from '../../data/validation/errors.ts';
import { requireTables } from '../cli/stageTables.ts';
import { withWarehouse } from '../cli/withWarehouse.ts';
import { checkWeeklyWeekday } from '../cli/weeklyWeekday.ts';
import { refuseAsOfBeforeData } from '../cli/asOfBeforeData.ts';
import type { Warehouse } from '../../data/warehouse/Warehouse.ts';
import { buildReports, type BuiltReports } from '../../reports/buildReports.ts';
import { fmtWeek } from '../../reports/html/format.ts';
import { loadReportData, reportDataOptions } from '../../reports/loadReportData.ts';
import type { ScenarioInfo } from '../../reports/reportData.ts';
import { loadFeatureColumns } from '../features/loadFeatureColumns.ts';
import { loadPolicies } from '../simulate/policy/loadPolicy.ts';
import { describePolicy } from './describePolicy.ts';

/**
 * The catalogue's model inputs, when the features stage's catalogue is readable; drift falls back to all numeric
 * columns.
 */
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

/**
 * The configured scenarios in words; a policy file that no longer parses is left out (the simulate stage reports it).
 */
function scenarioInfos(files: readonly string[], currency: string | null, log: ReportContext['log']): ScenarioInfo[] {
  const out: ScenarioInfo[] = [];
  for (const file of files) {
    try {
      const [policy] = loadPolicies([file]);
      if (policy) out.push(describePolicy(policy, file, currency));
    } catch (err) {
      log.warn(
        `${file}: not described on the policy page (${err instanceof Error ? err.message.split('\n')[0] : String(err)})`,
      );
    }
  }
  return out;
}

/** Writes the reports of `asOf` from an open warehouse into outDir (default <reportsDir>/<asOf>). */
export async function reportInto(wh: Warehouse, asOf: string, ctx: ReportContext, out?: string): Promise<BuiltReports> {
  const outDir = out ?? join(ctx.config.reportsDir, asOf);
  await requireTables(wh, 'report');
  const { config } = ctx;
  const data = await ctx.log.step('load report data', async () =>
    loadReportData(wh, asOf, {
      ...reportDataOptions(config),
      featureColumns: await catalogueColumns(),
      // Rescoring last week with this week's models reads feature snapshots the way the score stage does.
      scoring: {
        artifactsDir: config.artifactsDir,
        threads: config.training.threads,
        loadFeatures: (spec, date) => loadFeatureColumns(wh, spec, date),
      },
      scenarios: scenarioInfos(config.simulate.policies, config.report.currency, ctx.log),
    }),
  );
  const built = await ctx.log.step('write reports', async () => buildReports(data, outDir));
  if (!data.queue.rows) ctx.log.warn(`no risk queue for ${asOf}; run \`trustlens score --as-of ${asOf}\``);
  if (!data.policy.results)
    ctx.log.warn(`no simulation results for ${asOf}; run \`trustlens simulate --as-of ${asOf}\``);
  for (const w of [data.coverage.current, data.coverage.previous]) {
    if (w.status !== 'complete')
      ctx.log.warn(
        `week ${fmtWeek(w.weekStart, w.weekEnd)} is ${w.status === 'before' ? 'before the data' : w.status}: ${w.cause}`,
      );
  }
  if (data.weekly.comparison.rescoreProblem)
    ctx.log.warn(`last week not rescored with this week's models: ${data.weekly.comparison.rescoreProblem}`);
  return built;
}

export async function runReport(
  options: { asOf: string; out?: string; weekdayOk?: boolean },
  ctx: CommandContext,
): Promise<BuiltReports> {
  if (ctx.warehouse !== ':memory:' && !existsSync(ctx.warehouse)) {
    throw new UserError(
      `warehouse ${ctx.warehouse} does not exist; run \`trustlens ingest\` (or \`trustlens run\`) first, or pass --warehouse`,
    );
  }
  const built = await withWarehouse(ctx, null, async (wh) => {
    await refuseAsOfBeforeData(wh, options.asOf, 'report');
    await checkWeeklyWeekday(wh, options.asOf, options.weekdayOk ?? false, ctx.log);
    return reportInto(wh, options.asOf, ctx, options.out);
  });
  ctx.log.info(`reports: ${join(built.dir, 'index.html')}`);
  return built;
}
