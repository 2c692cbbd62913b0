// Handler of `trustlens score`: scores buyers and merchants as of a date (or several weeks ending there) into the score
// tables.
import type { CommandContext } from '../cli/defineCommand.ts';
import { withWarehouse } from '../cli/withWarehouse.ts';
import { checkWeeklyWeekday } from '../cli/weeklyWeekday.ts';
import { refuseAsOfBeforeData } from '../cli/asOfBeforeData.ts';
import { scoreWeeks } from './scoreAll.ts';

export async function runScore(
  options: { asOf: string; weeks: number; weekdayOk?: boolean },
  ctx: CommandContext,
): Promise<void> {
  await withWarehouse(ctx, `trustlens score --as-of ${options.asOf}`, async (wh) => {
    await refuseAsOfBeforeData(wh, options.asOf, 'score');
    await checkWeeklyWeekday(wh, options.asOf, options.weekdayOk ?? false, ctx.log);
    return scoreWeeks(wh, options.asOf, options.weeks, ctx.config, ctx.log);
  });
}
