// Identical runs give identical bytes in every table (issue 21, failure 7): the weekly run on one warehouse and on a
// copy whose tables hold the same rows in reverse physical order (what threads finishing in another order amount to)
// writes the same values to the last bit, and the same model artifacts.
import { cpSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { configSchema, type TrustlensConfig } from '../../../data/config/configSchema.ts';
import { createLogger } from '../../../data/log/Logger.ts';
import { generateMarketplace } from '../../../data/synthetic/generateMarketplace.ts';
import { quoteIdent } from '../../../data/warehouse/quoteIdent.ts';
import { Warehouse } from '../../../data/warehouse/Warehouse.ts';
import { ingestInto } from '../../../pipelines/ingest/runIngest.ts';
import { runRun } from '../../../pipelines/run/runRun.ts';

const AS_OF = '2026-06-01';
const root = mkdtempSync(join(tmpdir(), 'trustlens-identical-'));
const log = createLogger({ verbosity: 'quiet' });

function configFor(warehouse: string): TrustlensConfig {
  return configSchema.parse({
    warehouse,
    dataDir: join(root, 'none'),
    artifactsDir: join(root, 'artifacts'),
    reportsDir: join(root, 'reports'),
    training: { snapshotWeeks: 4, validationWeeks: 2, nTrees: 8, threads: 1, retrainIntervalDays: 14 },
    labels: { abuseLabelDelayDays: 14, merchantHorizonDays: 56 },
    simulate: { weeks: 2, bootstrap: 10 },
    report: { trendWeeks: 2 },
  });
}

async function tablesOf(wh: Warehouse): Promise<string[]> {
  const rows = await wh.all<{ t: string }>(
    "select table_name as t from information_schema.tables where table_schema = 'main' and table_type = 'BASE TABLE' order by t",
  );
  return rows.map((r) => r.t);
}

/**
 * Every row of every table as text (doubles print shortest round-trip, so equal text is equal bits), in a fixed order.
 */
async function contents(path: string): Promise<Record<string, string>> {
  const wh = await Warehouse.open({ path, readOnly: true });
  try {
    const out: Record<string, string> = {};
    for (const t of await tablesOf(wh)) {
      out[t] = await wh.scalar<string>(
        `select coalesce(string_agg(r, chr(10) order by r), '') from (select cast(x as varchar) as r from ${quoteIdent(t)} x)`,
      );
    }
    return out;
  } finally {
    wh.close();
  }
}

/** The files of a folder tree with their bytes. */
function files(dir: string, base = dir): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) Object.assign(out, files(p, base));
    else out[p.slice(base.length)] = readFileSync(p, 'utf8');
  }
  return out;
}

let first: Record<string, string>;
let second: Record<string, string>;
let firstArtifacts: Record<string, string>;
let secondArtifacts: Record<string, string>;

beforeAll(async () => {
  await generateMarketplace({
    seed: 11,
    buyers: 400,
    merchants: 40,
    weeks: 24,
    end: AS_OF,
    format: 'parquet',
    out: join(root, 'export'),
  });
  const a = join(root, 'a.duckdb');
  const b = join(root, 'b.duckdb');
  const wh = await Warehouse.open({ path: a });
  await ingestInto(wh, { from: join(root, 'export'), knownAt: AS_OF });
  wh.close();
  cpSync(a, b);
  // The same rows, stored last first: a sum that depends on the order rows arrive in gives other bits here.
  const copy = await Warehouse.open({ path: b });
  for (const t of await tablesOf(copy))
    await copy.run(`create or replace table ${quoteIdent(t)} as select * from ${quoteIdent(t)} order by all desc`);
  copy.close();

  vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  await runRun({ asOf: AS_OF, retrain: false }, { config: configFor(a), warehouse: a, log });
  renameSync(join(root, 'artifacts'), join(root, 'artifacts-a'));
  rmSync(join(root, 'reports'), { recursive: true });
  await runRun({ asOf: AS_OF, retrain: false }, { config: configFor(b), warehouse: b, log });
  vi.restoreAllMocks();
  first = await contents(a);
  second = await contents(b);
  firstArtifacts = files(join(root, 'artifacts-a'));
  secondArtifacts = files(join(root, 'artifacts'));
}, 600_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('two runs of the same week on the same rows', () => {
  it('write identical bytes in every table, features and simulation results included (failure 7)', () => {
    expect(Object.keys(second)).toEqual(Object.keys(first));
    expect(Object.keys(first)).toEqual(expect.arrayContaining(['feat_buyer', 'feat_buyer_history', 'sim_results']));
    expect(first['sim_results']!.length).toBeGreaterThan(0);
    const differing = Object.keys(first).filter((t) => first[t] !== second[t]);
    expect(differing).toEqual([]);
  });

  it('publish byte-identical model artifacts', () => {
    expect(Object.keys(firstArtifacts).length).toBeGreaterThan(0);
    expect(secondArtifacts).toEqual(firstArtifacts);
  });
});
