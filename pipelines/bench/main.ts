// `npm run bench`: `npm start` on a fresh folder, the first and the weekly run stage by stage at 100k, 1M and 10M
// orders with the targets of issue 19, then the comparison sections (forest, quality, sources absent, decide/serve).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CONFIG_DEFAULTS, configSchema } from '../../data/config/configSchema.ts';
import { createLogger } from '../../data/log/Logger.ts';
import { evaluateSeeds, formatSeedTable, type SeedResult } from '../evaluate/multiSeed.ts';
import { benchDecide } from './decideBench.ts';
import { evaluateAbsentSources, SCENARIO_ABSENT } from '../evaluate/absentSourcesScenario.ts';
import { formatQualityTable } from '../evaluate/qualityLine.ts';
import { parseBenchArgs } from './benchArgs.ts';
import { evaluateTargets } from './benchTargets.ts';
import { benchSize } from './sizeBench.ts';
import type { SizeResult } from './sizeResult.ts';
import { sizeTable, startLine, targetTable } from './sizeTable.ts';
import { benchStart } from './startBench.ts';

const ROOT = resolve(import.meta.dirname, '..', '..');

const n = (x: number, d = 0) => x.toLocaleString('en', { minimumFractionDigits: d, maximumFractionDigits: d });

async function main(): Promise<void> {
  const args = parseBenchArgs(process.argv.slice(2));
  const work = args.keep ?? mkdtempSync(join(tmpdir(), 'trustlens-bench-'));
  mkdirSync(work, { recursive: true });
  try {
    const start = args.skipStart ? null : await benchStart(work);
    if (start) console.log(`\n${startLine(start)}\n`);
    const results: SizeResult[] = [];
    for (const size of args.skipSizes ? [] : args.sizes) {
      results.push(await benchSize(size, work, { keep: args.keep !== undefined, ingest: !args.skipIngest }));
      // Printed after every size: the 10M size takes a while and the smaller figures are useful already.
      console.log(`\n${sizeTable(results)}\n`);
    }
    if (start || results.length) console.log(`${targetTable(evaluateTargets(results, start))}\n`);
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
            `decide and serve (npm run bench -- --skip-start --skip-sizes --skip-forest --skip-quality --decide-warehouse ${warehouse} --decide-artifacts ${artifactsDir}), ${r.requests} distinct requests of the last 4 weeks:`,
            `  decide, batch: ${n(r.batch.lines)} NDJSON lines in ${f(r.batch.seconds)} s = ${n(r.batch.perSecond)} requests/s on ${r.batch.threads} thread${r.batch.threads === 1 ? '' : 's'} (${r.batch.errors} error lines; ${f(r.batch.cpuSeconds)} s of CPU = ${n(r.batch.lines / r.batch.cpuSeconds)} lines per CPU-second; workers started in ${f(r.batch.startSeconds)} s before the clock); target ≥ 50,000/s: ${r.batch.perSecond >= 50_000 ? 'MET' : 'MISSED'}`,
            `  serve: ${n(r.serve.sent)} POST /decide at 1,000/s in ${f(r.serve.seconds)} s after ${n(r.serve.warmup.sent)} of warm-up (${r.serve.warmup.errors} errors, p99 ${f(r.serve.warmup.p99Ms)} ms, max ${f(r.serve.warmup.maxMs)} ms), ${n(r.serve.ok)} × 200, ${r.serve.errors} errors; latency p50 ${f(r.serve.p50Ms)} ms, p90 ${f(r.serve.p90Ms)} ms, p99 ${f(r.serve.p99Ms)} ms, max ${f(r.serve.maxMs)} ms; target p99 < 10 ms, no error: ${r.serve.p99Ms < 10 && r.serve.errors + r.serve.warmup.errors === 0 ? 'MET' : 'MISSED'}`,
          ].join('\n'),
        );
      }
    }
  } finally {
    if (!args.keep) rmSync(work, { recursive: true, force: true });
  }
}

await main();
