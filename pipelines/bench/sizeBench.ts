// One marketplace size: generated, delivered as two weekly exports, its first and weekly run timed in their own
// processes, then the GROUP BY yardstick over the same warehouse and, on request, ingest against a plain load.
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { CONFIG_DEFAULTS } from '../../data/config/configSchema.ts';
import { sliceExport } from '../../data/synthetic/sliceExport.ts';
import { addDays } from '../../data/time/isoDate.ts';
import type { BenchSize } from './benchArgs.ts';
import { writeBenchConfig } from './benchFolder.ts';
import { timeGroupByPass } from './groupByPass.ts';
import { benchIngest } from './ingestBench.ts';
import { runCli } from './runCli.ts';
import type { RunTimings, SizeResult } from './sizeResult.ts';

const END = CONFIG_DEFAULTS.generate.end;
const WEEK1 = addDays(END, -7);

const n = (x: number) => x.toLocaleString('en');

/** Wall time of the whole process (start-up included), CPU and peak RSS from /usr/bin/time; stages from --timings. */
function timedRun(args: string[], label: string, timingsFile: string): RunTimings {
  const measured = runCli([...args, '--timings', timingsFile], label);
  const t = JSON.parse(readFileSync(timingsFile, 'utf8')) as Omit<RunTimings, keyof typeof measured>;
  return { ...t, ...measured };
}

export async function benchSize(
  size: BenchSize,
  work: string,
  options: { keep: boolean; ingest: boolean },
): Promise<SizeResult> {
  const dir = join(work, size.label);
  const { config, warehouse } = writeBenchConfig(dir, join(dir, 'none'));
  console.error(`# ${size.label}: generate ${n(size.buyers)} buyers, ${n(size.merchants)} merchants, 52 weeks …`);
  const full = join(dir, 'full');
  const generate = runCli(
    [
      'generate',
      '--config',
      config,
      '--out',
      full,
      '--buyers',
      String(size.buyers),
      '--merchants',
      String(size.merchants),
    ],
    'generate',
  );
  // Delivered the way a weekly export arrives: all history before the last week, then the last week's files.
  await sliceExport(full, join(dir, 'week1'), { before: WEEK1 });
  await sliceExport(full, join(dir, 'week2'), { from: WEEK1, before: END });
  console.error(`# ${size.label}: first run as of ${WEEK1} on an empty warehouse (scores past weeks, trains) …`);
  const first = timedRun(
    ['run', '--config', config, '--as-of', WEEK1, '--from', join(dir, 'week1')],
    'first run',
    join(dir, 'first.json'),
  );
  console.error(`# ${size.label}: weekly run as of ${END} with the new week's files …`);
  const week = timedRun(
    ['run', '--config', config, '--as-of', END, '--from', join(dir, 'week2')],
    'weekly run',
    join(dir, 'week.json'),
  );
  console.error(`# ${size.label}: plain GROUP BY pass per buyer over the same orders …`);
  const groupBy = await timeGroupByPass(warehouse, CONFIG_DEFAULTS.memoryLimit);
  let ingest = null;
  if (options.ingest) {
    console.error(`# ${size.label}: contract-checked ingest vs plain DuckDB load of the full export …`);
    ingest = await benchIngest(full);
  }
  if (!options.keep) rmSync(dir, { recursive: true, force: true });
  return { size, orders: week.orders, generate, first, week, groupBy, ingest };
}
