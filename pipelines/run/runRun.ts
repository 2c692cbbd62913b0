// Handler of `trustlens run`: takes the run lock, runs the weekly stages and prints the summary (and stage timings as
// JSON on request).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { CommandContext } from '../cli/defineCommand.ts';
import { formatRunSummary } from './formatRunSummary.ts';
import { runWeeklyOn, type StageTiming, type WeeklyRunOptions, type WeeklyRunSummary } from './runWeekly.ts';
import { withWarehouse } from '../cli/withWarehouse.ts';

export interface RunCommandOptions extends WeeklyRunOptions {
  timings?: string;
}

/**
 * The --timings file: written after a failed run too, with the stages that ran and the error, so slow failures can be
 * measured.
 */
export function writeTimings(
  file: string,
  t: { asOf: string; seconds: number; orders: number | null; stages: StageTiming[]; error?: string },
): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(t, null, 2) + '\n');
}

export async function runRun(options: RunCommandOptions, ctx: CommandContext): Promise<WeeklyRunSummary> {
  const stages: StageTiming[] = [];
  const t0 = performance.now();
  let summary: WeeklyRunSummary;
  try {
    summary = await withWarehouse(ctx, `trustlens run --as-of ${options.asOf}`, (wh) =>
      runWeeklyOn(wh, options, ctx, stages),
    );
  } catch (err) {
    if (options.timings) {
      const error = err instanceof Error ? err.message.split('\n')[0]! : String(err);
      writeTimings(options.timings, {
        asOf: options.asOf,
        seconds: (performance.now() - t0) / 1000,
        orders: null,
        stages,
        error,
      });
    }
    throw err;
  }
  if (options.timings)
    writeTimings(options.timings, {
      asOf: summary.asOf,
      seconds: summary.seconds,
      orders: summary.orders,
      stages: summary.stages,
    });
  // The summary is the run's result: stdout, even under --quiet, so it can be piped or mailed.
  process.stdout.write(formatRunSummary(summary) + '\n');
  return summary;
}
