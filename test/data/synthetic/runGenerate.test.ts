// `trustlens generate` fills missing options from config, logs each table and prints a one-line summary.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { configSchema } from '../../../data/config/configSchema.ts';
import type { Logger } from '../../../data/log/Logger.ts';
import { runGenerate } from '../../../pipelines/generate/runGenerate.ts';

describe('runGenerate', () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('uses config defaults for what the command line leaves out and writes csv files plus truth/', async () => {
    const out = mkdtempSync(join(tmpdir(), 'trustlens-generate-cmd-'));
    dirs.push(out);
    const config = configSchema.parse({ generate: { buyers: 200, merchants: 20, weeks: 4 } });
    const infos: string[] = [];
    const log: Logger = {
      info: (m) => void infos.push(m),
      detail: () => {},
      warn: () => {},
      step: (_n, fn) => fn(),
      progress: () => {},
    };
    const printed: string[] = [];
    await runGenerate(
      { out, format: 'csv', seed: 3 },
      { config, warehouse: ':memory:', log },
      (line) => void printed.push(line),
    );
    expect(existsSync(join(out, 'orders.csv'))).toBe(true);
    expect(existsSync(join(out, 'truth', 'buyers.csv'))).toBe(true);
    expect(infos[0]).toBe(`generating 200 buyers, 20 merchants, 4 weeks before 2026-11-02 (seed 3) into ${out}`);
    expect(infos.filter((m) => m.startsWith('  wrote ')).length).toBe(11);
    expect(printed.length).toBe(1);
    expect(printed[0]).toMatch(
      new RegExp(`^generated buyers 200, merchants 20, orders [\\d,]+, .* → ${out} \\(csv, [\\d.]+ s\\)$`),
    );
  });
});
