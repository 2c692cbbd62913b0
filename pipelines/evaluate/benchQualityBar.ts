// Benchmark: the quality bar end to end on the default synthetic marketplace (generate, the first weekly run, then the checks against truth).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateMarketplace } from '../../data/synthetic/generateMarketplace.ts';
import { CONFIG_DEFAULTS, type TrustlensConfig } from '../../data/config/configSchema.ts';
import { createLogger, type Logger } from '../../data/log/Logger.ts';
import { timed } from '../../data/log/timed.ts';
import { runWeeklyOn } from '../run/runWeekly.ts';
import { Warehouse } from '../../data/warehouse/Warehouse.ts';
import { policyLines } from './policyLines.ts';
import { qualityBar } from './qualityBar.ts';
import type { QualityLine } from './qualityLine.ts';

export interface QualityBarBenchOptions {
  /** Work folder for data, warehouse, artifacts and reports (a new temp folder by default). */
  dir?: string;
  config?: TrustlensConfig;
  log?: Logger;
}

/**
 * Rows: every quality-bar line, then one timing line per stage (section "timing", value in seconds). The models are judged
 * as a first weekly run leaves them: past weeks scored by a model trained at their start (merchant features leave out
 * requests of buyers flagged by earlier scores, and the policy replay reads score history), then this week's models.
 */
export async function benchQualityBar(options: QualityBarBenchOptions = {}): Promise<QualityLine[]> {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'trustlens-quality-'));
  const base = options.config ?? CONFIG_DEFAULTS;
  const config: TrustlensConfig = { ...base, artifactsDir: join(dir, 'artifacts'), reportsDir: join(dir, 'reports') };
  const log = options.log ?? createLogger({ verbosity: 'quiet' });
  const asOf = config.generate.end;
  const timings: QualityLine[] = [];
  const timedLine = async <T>(stage: string, fn: () => Promise<T>): Promise<T> => {
    const { value, seconds } = await timed(fn);
    timings.push({ section: 'timing', check: stage, value: seconds, target: '', pass: null, note: 'seconds' });
    return value;
  };
  const data = join(dir, 'data');
  const { seed, buyers, merchants, weeks, end } = config.generate;
  await timedLine('generate', () => generateMarketplace({ seed, buyers, merchants, weeks, end, out: data }));
  const wh = await Warehouse.open({ path: join(dir, 'warehouse.duckdb') });
  try {
    const run = await timedLine(`weekly run as of ${asOf}`, () =>
      runWeeklyOn(wh, { asOf, from: data, retrain: false }, { config, log }),
    );
    for (const s of run.stages)
      timings.push({
        section: 'timing',
        check: `  ${s.stage}`,
        value: s.seconds,
        target: '',
        pass: null,
        note: 'seconds',
      });
    const lines = await timedLine('quality bar', () => qualityBar(wh, asOf, data, config));
    lines.push(...(await timedLine('policy truth check', () => policyLines(wh, asOf, data, config, log))));
    return [...lines, ...timings];
  } finally {
    wh.close();
  }
}
