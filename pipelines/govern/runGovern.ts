// Handler of `trustlens govern`: takes the run lock, runs the govern stage for one week and prints its summary.
import type { CommandContext } from '../cli/defineCommand.ts';
import { withWarehouse } from '../cli/withWarehouse.ts';
import { refuseAsOfBeforeData } from '../cli/asOfBeforeData.ts';
import { formatGovernSummary } from './formatGovernSummary.ts';
import { governWeek, type GovernSummary } from './governWeek.ts';

export async function runGovern(options: { asOf: string; full: boolean }, ctx: CommandContext): Promise<GovernSummary> {
  const command = `trustlens govern --as-of ${options.asOf}${options.full ? ' --full' : ''}`;
  const summary = await withWarehouse(ctx, command, async (wh) => {
    await refuseAsOfBeforeData(wh, options.asOf, 'govern');
    return governWeek(wh, options.asOf, ctx.config, ctx.log, { full: options.full });
  });
  process.stdout.write(formatGovernSummary(summary) + '\n');
  return summary;
}
