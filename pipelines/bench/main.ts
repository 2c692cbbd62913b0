// `npm run bench`: generation and every stage of the weekly run at 100k, 1M and 10M orders, then the comparison lines
// (ingest, forest, quality).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CONFIG_DEFAULTS } from '../../data/config/configSchema.ts';
import { sliceExport } from '../../data/synthetic/sliceExport.ts';
import { configSchema } from '../../data/config/configSchema.ts';
import { createLogger } from '../../data/log/Logger.ts';
import { evaluateSeeds, formatSeedTable, type SeedResult } from '../evaluate/multiSeed.ts';
import { benchDecide } from './decideBench.ts';
import { evaluateAbsentSources, SCENARIO_ABSENT } from '../evaluate/absentSourcesScenario.ts';
import { formatQualityTable } from '../evaluate/qualityLine.ts';
import { textTable } from '../../data/log/textTable.ts';
import { addDays } from '../../data/time/isoDate.ts';
import { parseBenchArgs, type BenchSize } from './benchArgs.ts';
import { benchIngest, type IngestBenchResult } from './ingestBench.ts';

interface Measured {
  seconds: number;
  peakRssMb: number;
}

interface RunTimings extends Measured {
  orders: number;
  stages: { stage: string; seconds: number; peakRssMb: number; note: string }[];
}

interface SizeResult {
  size: BenchSize;
  orders: number;
  generate: Measured;
  first: RunTimings;
  week: RunTimings;
  ingest: IngestBenchResult;
}

const ROOT = resolve(import.meta.dirname, '..', '..');
const BIN = join(ROOT, 'pipelines', 'cli', 'bin.js');
const END = CONFIG_DEFAULTS.generate.end;
const WEEK1 = addDays(END, -7);

const n = (x: number, d = 0) => x.toLocaleString('en', { minimumFractionDigits: d, maximumFractionDigits: d });

/** Runs the CLI in a child process under /usr/bin/time, so peak RSS is that process's own (Node + DuckDB). */
function cli(args: string[], label: string): Measured {
  const timeFile = join(tmpdir(), `trustlens-bench-time-${process.pid}`);
  const t0 = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', '%M', '-o', timeFile, process.execPath, BIN, ...args, '--quiet'], {
    encoding: 'utf8',
    env: { ...process.env, TZ: 'UTC', CI: 'true' },
    maxBuffer: 1 << 26,
  });
  const seconds = (performance.now() - t0) / 1000;
  if (r.status !== 0)
    throw new Error(`${label} failed (exit ${r.status}):\n${r.stderr.split('\n').slice(-15).join('\n')}`);
  const kb = Number(readFileSync(timeFile, 'utf8').trim().split('\n').pop());
  rmSync(timeFile, { force: true });
  return { seconds, peakRssMb: Math.round(kb / 1024) };
}

function timedRun(args: string[], label: string, timingsFile: string): RunTimings {
  const measured = cli([...args, '--timings', timingsFile], label);
  const t = JSON.parse(readFileSync(timingsFile, 'utf8')) as Omit<RunTimings, 'peakRssMb'>;
  // Wall time of the whole process (start-up included), peak RSS from /usr/bin/time.
  return { ...t, ...measured };
}

async function benchSize(size: BenchSize, work: string, keep: boolean): Promise<SizeResult> {
  const dir = join(work, size.label);
  mkdirSync(dir, { recursive: true });
  const config = join(dir, 'config.json');
  const settings = {
    warehouse: join(dir, 'warehouse.duckdb'),
    dataDir: join(dir, 'none'),
    artifactsDir: join(dir, 'artifacts'),
    reportsDir: join(dir, 'reports'),
  };
  writeFileSync(config, JSON.stringify(settings));
  console.error(`# ${size.label}: generate ${n(size.buyers)} buyers, ${n(size.merchants)} merchants, 52 weeks …`);
  const full = join(dir, 'full');
  const generate = cli(
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
  console.error(`# ${size.label}: first run as of ${WEEK1} (scores 12 weeks of history, trains) …`);
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
  console.error(`# ${size.label}: contract-checked ingest vs plain DuckDB load of the full export …`);
  const ingest = await benchIngest(full);
  if (!keep) rmSync(dir, { recursive: true, force: true });
  return { size, orders: week.orders, generate, first, week, ingest };
}

function cell(seconds: number, peakRssMb: number, orders: number): string {
  // A stage that had nothing to do (fresh models, no missing weeks) has no meaningful throughput.
  const rate = seconds < 0.05 ? '–' : `${n(orders / seconds)}/s`;
  return `${n(seconds, 1)} s  ${rate}  ${n(peakRssMb)} MB`;
}

function stageRows(results: SizeResult[], pick: (r: SizeResult) => RunTimings): string[][] {
  const names = [...new Set(results.flatMap((r) => pick(r).stages.map((s) => s.stage)))];
  return names.map((name) => [
    `  ${name}`,
    ...results.map((r) => {
      const s = pick(r).stages.find((x) => x.stage === name);
      return s ? cell(s.seconds, s.peakRssMb, r.orders) : '–';
    }),
  ]);
}

/**
 * Sizes side by side: wall seconds, orders per second and peak RSS for generation, the first run and the weekly run,
 * stage by stage.
 */
function sizeTable(results: SizeResult[]): string {
  const head = ['wall s  orders/s  peak RSS', ...results.map((r) => `${r.size.label}: ${n(r.orders)} orders`)];
  const rows = [
    ['generate', ...results.map((r) => cell(r.generate.seconds, r.generate.peakRssMb, r.orders))],
    ['first run, whole process', ...results.map((r) => cell(r.first.seconds, r.first.peakRssMb, r.orders))],
    ...stageRows(results, (r) => r.first),
    ['weekly run, whole process', ...results.map((r) => cell(r.week.seconds, r.week.peakRssMb, r.orders))],
    ...stageRows(results, (r) => r.week),
    [
      'ingest ÷ plain DuckDB load',
      ...results.map(
        (r) => `${n(r.ingest.ingestSeconds, 1)} s ÷ ${n(r.ingest.plainSeconds, 1)} s = ${n(r.ingest.ratio, 2)}×`,
      ),
    ],
  ];
  const targets: string[] = [];
  for (const r of results) {
    if (r.size.label === '1M')
      targets.push(
        `target: 1M-order weekly run < 60 s: ${n(r.week.seconds, 1)} s, ${r.week.seconds < 60 ? 'MET' : 'MISSED'}`,
      );
    if (r.size.label === '10M') {
      const met = r.week.seconds < 600 && r.week.peakRssMb < 8192;
      targets.push(
        `target: 10M-order weekly run < 600 s and < 8,192 MB: ${n(r.week.seconds, 1)} s, ${n(r.week.peakRssMb)} MB, ${met ? 'MET' : 'MISSED'}`,
      );
    }
  }
  return [textTable(head, rows), ...targets].join('\n');
}

async function main(): Promise<void> {
  const args = parseBenchArgs(process.argv.slice(2));
  const work = args.keep ?? mkdtempSync(join(tmpdir(), 'trustlens-bench-'));
  mkdirSync(work, { recursive: true });
  try {
    const results: SizeResult[] = [];
    for (const size of args.skipSizes ? [] : args.sizes) {
      results.push(await benchSize(size, work, args.keep !== undefined));
      // Printed after every size: the 10M size takes a while and the smaller figures are useful already.
      console.log(`\n${sizeTable(results)}\n`);
    }
    if (!args.skipForest) {
      console.error(`# forest engine vs scikit-learn and ml-random-forest at ${args.forestSizes} rows …`);
      const r = spawnSync(
        process.execPath,
        ['--import', 'tsx', join(ROOT, 'models', 'forest', 'bench', 'main.ts'), '--sizes', args.forestSizes],
        {
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'inherit'],
          env: { ...process.env, TZ: 'UTC' },
        },
      );
      console.log(r.stdout);
    }
    let seeds: SeedResult[] = [];
    if (!args.skipQuality) {
      const n = args.qualitySeeds.length * args.qualitySizes.length;
      console.error(
        `# quality bar over seeds ${args.qualitySeeds.join(', ')} at ${args.qualitySizes.join(' and ')} (${n} marketplaces, each generated and given a first weekly run) …`,
      );
      const log = createLogger({ verbosity: 'normal' });
      seeds = await evaluateSeeds(
        {
          seeds: args.qualitySeeds,
          sizes: args.qualitySizes,
          keep: join(work, 'quality'),
          config: configSchema.parse({}),
          log,
        },
        (r) => console.error(`#   seed ${r.seed} at ${r.size}: done in ${r.minutes.toFixed(1)} min`),
      );
      console.log(
        `\nQuality bar (npm run bench -- --quality-seeds ${args.qualitySeeds.join(',')} --quality-sizes ${args.qualitySizes.join(',')}):\n${formatSeedTable(seeds)}\n`,
      );
    }
    if (!args.skipQuality) {
      // The default marketplace delivered as most real ones are: merchant trust against every single-feature rule.
      console.error(`# merchant trust with ${SCENARIO_ABSENT.join(', ')} absent (starter models) …`);
      const { seed, buyers, merchants, weeks } = CONFIG_DEFAULTS.generate;
      const absent = await evaluateAbsentSources({
        seed,
        buyers,
        merchants,
        weeks,
        dir: join(work, 'absent-sources'),
        config: CONFIG_DEFAULTS,
        log: createLogger({ verbosity: 'quiet' }),
      });
      console.log(formatQualityTable(absent));
    }
    if (!args.skipDecide) {
      // The default marketplace of the quality section, or a warehouse given (e.g. the one `npm start` leaves).
      const dflt = seeds.find((r) => r.seed === 42 && r.size === '20k') ?? seeds[0];
      const warehouse = args.decideWarehouse ?? (dflt ? join(dflt.dir, 'warehouse.duckdb') : undefined);
      const artifactsDir = args.decideArtifacts ?? (dflt ? join(dflt.dir, 'artifacts') : undefined);
      if (!warehouse || !artifactsDir) {
        console.error(
          '# decide/serve: skipped (needs the quality section, or --decide-warehouse FILE --decide-artifacts DIR)',
        );
      } else {
        console.error(`# decide in batch and serve at 1,000 requests/s for 30 s on loopback, over ${warehouse} …`);
        const config = join(work, 'decide-config.json');
        writeFileSync(config, JSON.stringify({ artifactsDir }));
        const r = await benchDecide({
          warehouse,
          artifactsDir,
          policy: 'data/policies/request-gated.yaml',
          serveArgs: ['--config', config, '--quiet'],
        });
        const f = (x: number) => x.toFixed(2);
        console.log(
          [
            `decide and serve (npm run bench -- --skip-sizes --skip-forest --skip-quality --decide-warehouse ${warehouse} --decide-artifacts ${artifactsDir}), ${r.requests} distinct requests of the last 4 weeks:`,
            `  decide, batch: ${n(r.batch.lines)} NDJSON lines in ${f(r.batch.seconds)} s = ${n(r.batch.perSecond)} requests/s (${r.batch.errors} error lines); target ≥ 50,000/s: ${r.batch.perSecond >= 50_000 ? 'MET' : 'MISSED'}`,
            `  serve: ${n(r.serve.sent)} POST /decide at 1,000/s in ${f(r.serve.seconds)} s, ${n(r.serve.ok)} × 200, ${r.serve.errors} errors; latency p50 ${f(r.serve.p50Ms)} ms, p90 ${f(r.serve.p90Ms)} ms, p99 ${f(r.serve.p99Ms)} ms, max ${f(r.serve.maxMs)} ms; target p99 < 10 ms, no error: ${r.serve.p99Ms < 10 && r.serve.errors === 0 ? 'MET' : 'MISSED'}`,
          ].join('\n'),
        );
      }
    }
  } finally {
    if (!args.keep) rmSync(work, { recursive: true, force: true });
  }
}

await main();
