// CLI handler of `trustlens simulate`: loads policies, replays them on the warehouse and prints the side-by-side table.
import type { CommandContext } from '../cli/defineCommand.ts';
import { withWarehouse } from '../cli/withWarehouse.ts';
import { checkWeeklyWeekday } from '../cli/weeklyWeekday.ts';
import { refuseAsOfBeforeData } from '../cli/asOfBeforeData.ts';
import { formatSimTable } from './formatSimTable.ts';
import { loadPolicies } from './policy/loadPolicy.ts';
import { simulatePolicies } from './simulatePolicies.ts';

export interface SimulateCliOptions {
  asOf: string;
  weeks?: number;
  policy?: string[];
  bootstrap?: number;
  seed?: number;
  weekdayOk?: boolean;
}

export async function runSimulate(options: SimulateCliOptions, ctx: CommandContext): Promise<void> {
  const files = options.policy?.length ? options.policy : ctx.config.simulate.policies;
  // Validate every policy before opening the warehouse, so a typo costs nothing.
  const policies = loadPolicies(files);
  await withWarehouse(ctx, `trustlens simulate --as-of ${options.asOf}`, async (wh) => {
    await refuseAsOfBeforeData(wh, options.asOf, 'simulate');
    await checkWeeklyWeekday(wh, options.asOf, options.weekdayOk ?? false, ctx.log);
    const result = await simulatePolicies(wh, {
      asOf: options.asOf,
      weeks: options.weeks ?? ctx.config.simulate.weeks,
      policies,
      bootstrap: options.bootstrap ?? ctx.config.simulate.bootstrap,
      seed: options.seed ?? ctx.config.simulate.seed,
      log: ctx.log,
      artifactsDir: ctx.config.artifactsDir,
      threads: ctx.config.training.threads,
    });
    ctx.log.info(
      `${result.context.requests} refund requests from ${result.context.windowStart} to ${options.asOf} replayed under ${policies.length} ` +
        `polic${policies.length === 1 ? 'y' : 'ies'}; ${result.rows.length} rows stored in sim_results`,
    );
    if (result.context.unscored > 0) {
      ctx.log.warn(
        `${result.context.unscored} requests had no buyer score at or before them: conditions on buyer risk or tier do not match them`,
      );
    }
    process.stdout.write(`${formatSimTable(result.rows)}\n`);
  });
}
