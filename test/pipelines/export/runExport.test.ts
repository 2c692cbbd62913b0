// `trustlens export` handler: opens the warehouse file and writes <reportsDir>/<as-of>/data unless --out says
// otherwise.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Warehouse } from '../../../data/warehouse/Warehouse.ts';
import { configSchema } from '../../../data/config/configSchema.ts';
import type { Logger } from '../../../data/log/Logger.ts';
import { defaultExportDir, runExport } from '../../../pipelines/export/runExport.ts';
import { buildSampleWarehouse } from '../../../notebooks/sample/sampleWarehouse.ts';
import { tried } from '../../support/badInputs.ts';

const quiet: Logger = { info: () => {}, detail: () => {}, warn: () => {}, step: (_n, fn) => fn(), progress: () => {} };

describe('runExport', () => {
  let dir: string;
  let warehouse: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'trustlens-runexport-'));
    warehouse = join(dir, 'warehouse.duckdb');
    const wh = await Warehouse.open({ path: warehouse });
    await buildSampleWarehouse(wh);
    wh.close();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes to <reportsDir>/<as-of>/data by default, with the configured capacity and threshold', async () => {
    const config = configSchema.parse({
      reportsDir: join(dir, 'reports'),
      review: { capacity: 25 },
      tiers: { buyerHigh: 0.7 },
    });
    await runExport({ asOf: '2026-11-02' }, { config, warehouse, log: quiet });
    const out = defaultExportDir(config.reportsDir, '2026-11-02');
    expect(out).toBe(join(dir, 'reports', '2026-11-02', 'data'));
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(manifest.settings).toEqual({ replay_weeks: 12, lookback_days: 90, review_capacity: 25, buyer_high: 0.7 });
    expect(manifest.files).toHaveLength(9);
  });

  it('writes to --out when given', async () => {
    const config = configSchema.parse({ reportsDir: join(dir, 'reports') });
    await runExport({ asOf: '2026-11-02', out: join(dir, 'elsewhere') }, { config, warehouse, log: quiet });
    expect(existsSync(join(dir, 'elsewhere', 'manifest.json'))).toBe(true);
  });

  it('refuses an --out folder holding files of something else instead of replacing it', async () => {
    tried(1); // --out at a folder of other files
    const config = configSchema.parse({ reportsDir: join(dir, 'reports') });
    const mine = join(dir, 'my-analysis');
    mkdirSync(mine);
    writeFileSync(join(mine, 'notes.txt'), 'mine');
    await expect(runExport({ asOf: '2026-11-02', out: mine }, { config, warehouse, log: quiet })).rejects.toThrow(
      `export folder ${mine} holds files that are not part of an export (notes.txt); the export replaces the whole folder, so choose a new or empty --out`,
    );
    expect(readdirSync(mine)).toEqual(['notes.txt']);
    expect(readdirSync(dir).filter((f) => f.startsWith('.'))).toEqual([]);
  });
});
