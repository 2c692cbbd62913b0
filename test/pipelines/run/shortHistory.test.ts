// Any length of history: 0, 1 and 3 weeks of data give a complete weekly run (starter models), with the weeks that
// cannot be scored or replayed listed and why.
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TABLE_NAMES } from '../../../data/contracts/index.ts';
import { configSchema } from '../../../data/config/configSchema.ts';
import { createLogger } from '../../../data/log/Logger.ts';
import { generateMarketplace } from '../../../data/synthetic/generateMarketplace.ts';
import { runWeeklyOn, type WeeklyRunSummary } from '../../../pipelines/run/runWeekly.ts';
import { formatRunSummary } from '../../../pipelines/run/formatRunSummary.ts';
import { Warehouse } from '../../../data/warehouse/Warehouse.ts';
import { toCsv } from '../ingest/fixtures.ts';

const END = '2026-11-02';
const root = mkdtempSync(join(tmpdir(), 'trustlens-short-'));
const log = createLogger({ verbosity: 'quiet' });
const runs: Record<number, { summary: WeeklyRunSummary; text: string }> = {};

async function runWith(weeks: number): Promise<void> {
  const data = join(root, `w${weeks}`);
  if (weeks === 0) {
    // A marketplace that has delivered nothing yet: every file a header.
    mkdirSync(data, { recursive: true });
    for (const t of TABLE_NAMES) writeFileSync(join(data, `${t}.csv`), toCsv(t, []));
  } else {
    await generateMarketplace({ seed: 3, buyers: 400, merchants: 30, weeks, end: END, format: 'parquet', out: data });
  }
  const config = configSchema.parse({
    warehouse: join(root, `w${weeks}.duckdb`),
    artifactsDir: join(root, `artifacts-${weeks}`),
    reportsDir: join(root, `reports-${weeks}`),
    training: { nTrees: 10, threads: 1 },
    simulate: { weeks: 4, bootstrap: 10 },
  });
  const wh = await Warehouse.open({ path: config.warehouse });
  try {
    const summary = await runWeeklyOn(wh, { asOf: END, from: data, retrain: false }, { config, log });
    runs[weeks] = { summary, text: formatRunSummary(summary) };
  } finally {
    wh.close();
  }
}

beforeAll(async () => {
  for (const w of [0, 1, 3]) await runWith(w);
}, 600_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('a weekly run on a short history', () => {
  it('completes with 0, 1 and 3 weeks of data, scoring with the starter models and saying so', () => {
    for (const w of [0, 1, 3]) {
      const { summary, text } = runs[w]!;
      expect(
        summary.stages.map((s) => s.stage),
        `${w} weeks`,
      ).toContain('export');
      expect(summary.history.weeks, `${w} weeks`).toBe(w);
      expect(summary.score.buyerModelSource).toBe('starter');
      expect(summary.score.merchantModelSource).toBe('starter');
      expect(text).toContain('NOTE:      scored with STARTER models (abuse-risk, merchant-trust)');
      // How much history the models and the replay need, and how much there is.
      expect(text).toContain(`history:   ${w} week${w === 1 ? '' : 's'} of orders`);
      expect(text).toContain(
        "training on this marketplace's labels needs 9+ weeks (abuse-risk, 20 for all its snapshots) and 18+ (merchant-trust, 29); the replay needs 5 (4 replayed + the week before)",
      );
      expect(summary.labelShortfalls.map((l) => l.model)).toEqual(['abuse-risk', 'merchant-trust', 'request-risk']);
    }
  });

  it('lists the weeks before the data as not scored and not replayed, with the reason', () => {
    expect(runs[0]!.summary.history.start).toBeNull();
    expect(runs[0]!.text).toContain('not scored:   2026-10-05 … 2026-10-26 (4 weeks): no orders in the warehouse');
    expect(runs[0]!.text).toContain(
      'not replayed: 2026-10-05 … 2026-10-26 (4 weeks): before the first order (none yet)',
    );
    expect(runs[1]!.text).toContain(
      'not scored:   2026-10-05 … 2026-10-26 (4 weeks): before the first order (2026-10-26)',
    );
    expect(runs[1]!.text).toContain(
      'not replayed: 2026-10-05 … 2026-10-19 (3 weeks): before the first order (2026-10-26)',
    );
    // Three weeks: the two weeks with data before the date are scored by the starter, the oldest replayed week has
    // none.
    expect(runs[3]!.summary.backfilledWeeks).toEqual(['2026-10-19', '2026-10-26']);
    expect(runs[3]!.text).toContain(
      'not scored:   2026-10-05 … 2026-10-12 (2 weeks): before the first order (2026-10-12)',
    );
    expect(runs[3]!.text).toContain('not replayed: 2026-10-05: before the first order (2026-10-12)');
  });

  it('writes every report page, each with the starter notice and without NaN', () => {
    for (const w of [0, 1, 3]) {
      const dir = join(root, `reports-${w}`, END);
      const pages = readdirSync(dir).filter((f) => f.endsWith('.html'));
      expect(pages.length, `${w} weeks`).toBeGreaterThanOrEqual(6);
      for (const p of pages) {
        const html = readFileSync(join(dir, p), 'utf8');
        expect(html, `${w} weeks ${p}`).toContain('scored with starter models');
        expect(html, `${w} weeks ${p}`).not.toMatch(/>NaN<|NaN%|\bNaN\b/);
      }
    }
  });
});
