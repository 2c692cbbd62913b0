// Handler of `trustlens run`: takes the run lock, runs the weekly stages and prints the summary (and stage timings as JSON on request).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { CommandContext } from '../cli/defineCommand.ts';
import { formatRunSummary } from './formatRunSummary.ts';
import { runWeeklyOn, type WeeklyRunOptions, type WeeklyRunSummary } from './runWeekly.ts';
import { withWarehouse } from '../cli/withWarehouse.ts';

export interface RunCommandOptions extends WeeklyRunOptions {
  timings?: string;
}

export async function runRun(options: RunCommandOptions, ctx: CommandContext): Promise<WeeklyRunSummary> {
  const summary = await withWarehouse(ctx, `trustlens run --as-of ${options.asOf}`, (wh) =>
    runWeeklyOn(wh, options, ctx),
  );
  if (options.timings) {
    mkdirSync(dirname(options.timings), { recursive: true });
    writeFileSync(
      options.timings,
      JSON.stringify(
        { asOf: summary.asOf, seconds: summary.seconds, orders: summary.orders, stages: summary.stages },
        null,
        2,
      ) + '\n',
    );
  }
  // The summary is the run's result: stdout, even under --quiet, so it can be piped or mailed.
  process.stdout.write(formatRunSummary(summary) + '\n');
  return summary;
}
