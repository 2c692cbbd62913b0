// Benchmark: the quality bar end to end on the default synthetic marketplace (generate → ingest → warm-up → train → score → evaluate).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateMarketplace } from '../../data/synthetic/generateMarketplace.ts';
import { configSchema, type TrustlensConfig } from '../config/configSchema.ts';
import { ingestInto } from '../ingest/runIngest.ts';
import { createLogger, type Logger } from '../log/Logger.ts';
import { scoreAll, scoreWeeks } from '../score/scoreAll.ts';
import { addDays } from '../time/isoDate.ts';
import { trainModels } from '../train/trainModels.ts';
import { Warehouse } from '../warehouse/Warehouse.ts';
import { policyLines } from './policyLines.ts';
import { qualityBar } from './qualityBar.ts';
import type { QualityLine } from './qualityLine.ts';

export interface QualityBarBenchOptions {
  /** Work folder for data, warehouse and artifacts (a new temp folder by default). */
  dir?: string;
  config?: TrustlensConfig;
  /**
   * Weeks scored before the evaluation date with a model trained at their start, as weekly runs would have: merchant
   * features leave out requests of buyers flagged by earlier scores, and the policy replay reads score history.
   */
  warmupWeeks?: number;
  log?: Logger;
}

/** Rows: every quality-bar line, then one timing line per stage (section "timing", value in seconds). */
export async function benchQualityBar(options: QualityBarBenchOptions = {}): Promise<QualityLine[]> {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'trustlens-quality-'));
  const base = options.config ?? configSchema.parse({});
  const config: TrustlensConfig = { ...base, artifactsDir: join(dir, 'artifacts') };
  const log = options.log ?? createLogger({ verbosity: 'quiet' });
  const warmup = options.warmupWeeks ?? 12;
  const asOf = config.generate.end;
  const timings: QualityLine[] = [];
  const timed = async <T>(stage: string, fn: () => Promise<T>): Promise<T> => {
    const t0 = performance.now();
    const out = await fn();
    timings.push({ section: 'timing', check: stage, value: (performance.now() - t0) / 1000, target: '', pass: null, note: 'seconds' });
    return out;
  };
  const data = join(dir, 'data');
  const { seed, buyers, merchants, weeks, end } = config.generate;
  await timed('generate', () => generateMarketplace({ seed, buyers, merchants, weeks, end, out: data }));
  const wh = await Warehouse.open({ path: join(dir, 'warehouse.duckdb') });
  try {
    await timed('ingest', () => ingestInto(wh, { from: data }, log));
    if (warmup > 0) {
      const start = addDays(asOf, -7 * warmup);
      await timed(`train as of ${start} (warm-up)`, () => trainModels(wh, start, config, log));
      await timed(`score ${warmup} warm-up weeks`, () => scoreWeeks(wh, addDays(asOf, -7), warmup, config, log));
    }
    await timed(`train as of ${asOf}`, () => trainModels(wh, asOf, config, log));
    await timed(`score as of ${asOf}`, () => scoreAll(wh, asOf, config, log));
    const lines = await timed('quality bar', () => qualityBar(wh, asOf, data, config));
    lines.push(...(await timed('policy truth check', () => policyLines(wh, asOf, data, config, log))));
    return [...lines, ...timings];
  } finally {
    wh.close();
  }
}
