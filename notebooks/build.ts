// `npm run notebooks`: builds the notebooks against the newest export (or --data DIR, or --sample) into
// notebooks/dist/.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../data/config/loadConfig.ts';
import { UserError, exitCodeOf } from '../data/validation/errors.ts';
import { createLogger } from '../data/log/Logger.ts';
import { Warehouse } from '../data/warehouse/Warehouse.ts';
import { exportForNotebooks } from '../pipelines/export/exportForNotebooks.ts';
import { buildNotebooks, findLatestExport, DEFAULT_OUT_DIR } from './buildNotebooks.ts';
import { buildSampleWarehouse, SAMPLE_AS_OF } from './sample/sampleWarehouse.ts';

const USAGE = `usage: npm run notebooks -- [--data DIR | --sample] [--out DIR] [--config FILE]

  --data DIR     export folder (manifest.json) to read; default: newest <reportsDir>/<date>/data
  --sample       build against a small built-in sample marketplace instead
  --out DIR      where the HTML goes; default notebooks/dist
  --config FILE  trustlens config (for reportsDir)`;

async function sampleExport(log: ReturnType<typeof createLogger>): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'trustlens-notebook-sample-'));
  const wh = await Warehouse.open({ path: ':memory:' });
  try {
    await buildSampleWarehouse(wh);
    await exportForNotebooks(wh, SAMPLE_AS_OF, dir, log);
  } finally {
    wh.close();
  }
  return dir;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      data: { type: 'string' },
      sample: { type: 'boolean', default: false },
      out: { type: 'string' },
      config: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) return console.log(USAGE);
  if (values.data && values.sample) throw new UserError('--data and --sample exclude each other: pick one');
  const log = createLogger();
  let dataDir = values.data;
  let temp: string | undefined;
  if (values.sample) dataDir = temp = await sampleExport(log);
  if (!dataDir) {
    const { config } = loadConfig(values.config);
    dataDir = findLatestExport(config.reportsDir) ?? undefined;
    if (!dataDir) {
      throw new UserError(
        `no export found under ${config.reportsDir}/<date>/data/: run \`npx trustlens run --as-of DATE\` or \`npx trustlens export --as-of DATE\` first, ` +
          'pass --data DIR, or try the notebooks on built-in data with `npm run notebooks -- --sample`',
      );
    }
  }
  try {
    const { outDir, manifest, pages } = await log.step('build notebooks', () =>
      buildNotebooks({ dataDir: dataDir as string, outDir: values.out ?? DEFAULT_OUT_DIR }),
    );
    log.info(
      `notebooks as of ${manifest.as_of} (data: ${values.sample ? 'built-in sample' : relative(process.cwd(), dataDir as string) || '.'}):`,
    );
    for (const p of pages) log.info(`  ${relative(process.cwd(), p)}`);
    log.info(
      `serve them (ES modules do not load from file://): npx vite preview --outDir ${relative(process.cwd(), outDir)}`,
    );
  } finally {
    if (temp) rmSync(temp, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? `error: ${err.message}` : err);
  process.exit(exitCodeOf(err));
});
