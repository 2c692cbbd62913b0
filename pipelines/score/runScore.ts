// Handler of `trustlens score`: scores buyers and merchants as of a date (or several weeks ending there) into the score tables.
import type { CommandContext } from '../cli/defineCommand.ts';
import { Warehouse } from '../warehouse/Warehouse.ts';
import { scoreWeeks } from './scoreAll.ts';

export async function runScore(options: { asOf: string; weeks: number }, ctx: CommandContext): Promise<void> {
  const wh = await Warehouse.open({ path: ctx.warehouse });
  try {
    await scoreWeeks(wh, options.asOf, options.weeks, ctx.config, ctx.log);
  } finally {
    wh.close();
  }
}
