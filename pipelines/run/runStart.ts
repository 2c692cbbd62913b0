// Handler of `trustlens start` (npm start): the synthetic marketplace if none is there yet, then the weekly run for its
// last week.
import { existsSync, readdirSync } from 'node:fs';
import type { CommandContext } from '../cli/defineCommand.ts';
import { runGenerate } from '../generate/runGenerate.ts';
import { runRun } from './runRun.ts';
import type { WeeklyRunSummary } from './runWeekly.ts';

/** True when the folder already holds input files (any format), so a second start reuses them. */
function hasInputFiles(dir: string): boolean {
  return existsSync(dir) && readdirSync(dir).some((f) => /^orders\.(parquet|csv|ndjson)$/.test(f));
}

export async function runStart(options: { retrain: boolean }, ctx: CommandContext): Promise<WeeklyRunSummary> {
  const dir = ctx.config.dataDir;
  if (hasInputFiles(dir)) ctx.log.info(`using the marketplace in ${dir} (delete the folder to generate it again)`);
  else
    await ctx.log.step('generate', () =>
      runGenerate({ out: dir, format: 'parquet' }, ctx, (line) => ctx.log.info(line)),
    );
  return runRun({ asOf: ctx.config.generate.end, from: dir, retrain: options.retrain }, ctx);
}
