// What a killed run leaves is cleaned by the next one (issue 21, failure 7 / must show 6): a writer killed at every
// file
// operation of a report swap, an export or an artifact publication leaves, once cleaned, the previous output or the
// whole
// new one, never half; the next writing command removes build tables, temp folders and unpublished artifacts, also
// those
// of a run killed in a PID namespace, and keeps those of a process still running.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { processStart } from '../../../data/files/processIdentity.ts';
import { swapNames } from '../../../data/files/staleFolders.ts';
import { Warehouse } from '../../../data/warehouse/Warehouse.ts';
import { artifactDates } from '../../../models/registry/artifactStore.ts';
import { recoverArtifacts } from '../../../models/registry/publishArtifacts.ts';
import { main } from '../../../pipelines/cli/main.ts';
import { cleanStaleReports } from '../../../reports/buildReports.ts';
import { goodRows, tempDir, writeTables } from '../ingest/fixtures.ts';
import { tried } from '../../support/badInputs.ts';

const CHILD = fileURLToPath(new URL('./killedWriter.ts', import.meta.url));
const TSX = fileURLToPath(new URL('../../../node_modules/tsx/dist/loader.mjs', import.meta.url));
const OPS = ['renameSync', 'writeFileSync', 'rmSync'] as const;

/** Runs the writer, killed at call `n` of `op`; true when it finished before that call. */
function writer(what: string, folder: string, op: string, n: number): boolean {
  const r = spawnSync(process.execPath, ['--import', TSX, CHILD, what, folder, op, String(n)], {
    encoding: 'utf8',
    env: { ...process.env, TZ: 'UTC' },
  });
  if (r.signal !== 'SIGKILL' && r.status !== 0) throw new Error(`writer failed: ${r.stderr}`);
  return r.signal !== 'SIGKILL';
}

/** Kills the writer at each call of each file operation in turn, checking the output after each cut and cleanup. */
function cutEverywhere(
  what: string,
  setup: (root: string) => void,
  check: (root: string, cut: string) => void,
): number {
  let cuts = 0;
  for (const op of OPS) {
    for (let n = 1; ; n++) {
      const root = tempDir('cut');
      setup(root);
      const finished = writer(what, root, op, n);
      check(root, finished ? 'not cut' : `cut at ${op} #${n}`);
      if (finished) break;
      tried(1); // a writer killed at this file operation
      cuts++;
    }
  }
  return cuts;
}

/** Entries a swap leaves beside its folder (`.<name>.tmp-…`, `.<name>.old-…`). */
const dotEntries = (dir: string) => (existsSync(dir) ? readdirSync(dir).filter((f) => f.startsWith('.')) : []);

describe('a writer killed at any file operation', () => {
  it("leaves a week's reports old or new, with its export, once the next run cleaned", () => {
    const cuts = cutEverywhere(
      'reports',
      (root) => {
        mkdirSync(join(root, '2026-11-02', 'data'), { recursive: true });
        writeFileSync(join(root, '2026-11-02', 'index.html'), 'old');
        writeFileSync(join(root, '2026-11-02', 'risk-queue.html'), 'old');
        writeFileSync(join(root, '2026-11-02', 'data', 'manifest.json'), 'the export');
      },
      (root, cut) => {
        cleanStaleReports(root);
        const week = join(root, '2026-11-02');
        expect(dotEntries(root), cut).toEqual([]);
        const pages = ['index.html', 'risk-queue.html'].map((f) => readFileSync(join(week, f), 'utf8'));
        expect(
          [
            ['old', 'old'],
            ['new', 'new'],
          ],
          cut,
        ).toContainEqual(pages);
        expect(readFileSync(join(week, 'data', 'manifest.json'), 'utf8'), cut).toBe('the export');
      },
    );
    expect(cuts).toBeGreaterThanOrEqual(5);
  });

  it('leaves the previous export or the new one, manifest and files together, never a folder without its manifest', () => {
    const cuts = cutEverywhere(
      'export',
      (root) => {
        const data = join(root, '2026-11-02', 'data');
        mkdirSync(data, { recursive: true });
        writeFileSync(join(data, 'feat_buyer.parquet'), 'previous');
        writeFileSync(
          join(data, 'manifest.json'),
          JSON.stringify({ as_of: '2026-10-26', files: [{ file: 'feat_buyer.parquet' }] }),
        );
      },
      (root, cut) => {
        cleanStaleReports(root);
        const data = join(root, '2026-11-02', 'data');
        expect(dotEntries(join(root, '2026-11-02')), cut).toEqual([]);
        const manifest = JSON.parse(readFileSync(join(data, 'manifest.json'), 'utf8')) as {
          as_of: string;
          files: { file: string }[];
        };
        expect(['2026-10-26', '2026-11-02'], cut).toContain(manifest.as_of);
        for (const f of manifest.files) expect(existsSync(join(data, f.file)), `${cut}: ${f.file}`).toBe(true);
        const parquet = readFileSync(join(data, 'feat_buyer.parquet'), 'utf8');
        expect(parquet === 'previous', cut).toBe(manifest.as_of === '2026-10-26');
      },
    );
    expect(cuts).toBeGreaterThanOrEqual(4);
  });

  it("publishes a training run's artifacts all together or not at all", () => {
    const cuts = cutEverywhere(
      'artifacts',
      (root) => {
        for (const model of ['abuse-risk', 'merchant-trust']) {
          mkdirSync(join(root, model));
          writeFileSync(join(root, model, '2026-10-26.json'), '{}');
          writeFileSync(join(root, model, 'latest.json'), '{"date":"2026-10-26"}');
        }
      },
      (root, cut) => {
        recoverArtifacts(root);
        const abuse = artifactDates(root, 'abuse-risk');
        expect(artifactDates(root, 'merchant-trust'), cut).toEqual(abuse);
        expect([['2026-10-26'], ['2026-10-26', '2026-11-02']], cut).toContainEqual(abuse);
        for (const model of ['abuse-risk', 'merchant-trust']) {
          expect(readdirSync(join(root, model)).sort(), cut).toEqual([...abuse.map((d) => `${d}.json`), 'latest.json']);
          expect(JSON.parse(readFileSync(join(root, model, 'latest.json'), 'utf8')), cut).toEqual({
            date: abuse.at(-1),
          });
        }
        expect(readdirSync(root).sort(), cut).toEqual(['abuse-risk', 'merchant-trust']);
      },
    );
    expect(cuts).toBeGreaterThanOrEqual(8);
  });
});

describe('the next writing command', () => {
  let err: string[];
  beforeEach(() => {
    err = [];
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    vi.spyOn(process.stderr, 'write').mockImplementation((s) => (err.push(String(s)), true));
  });
  afterEach(() => vi.restoreAllMocks());

  it('removes build tables, the ingest temp folder, swap copies and unpublished artifacts of killed runs, and keeps those of a live one', async () => {
    // two build tables, an ingest temp folder, three swap copies (one of pid 1 in a namespace), an unpublished artifact
    tried(7);
    const root = tempDir('leftovers');
    const warehouse = join(root, 'wh.duckdb');
    const reports = join(root, 'reports');
    const artifacts = join(root, 'artifacts');
    const config = join(root, 'config.json');
    writeFileSync(config, JSON.stringify({ warehouse, reportsDir: reports, artifactsDir: artifacts }));
    const wh = await Warehouse.open({ path: warehouse });
    await wh.run('create table score_buyer__build (buyer_id varchar); create table merchant_scorecard__new (x int)');
    wh.close();
    mkdirSync(join(`${warehouse}.ingest-tmp`, 'trustlens-ingest-a1'), { recursive: true });
    writeFileSync(join(`${warehouse}.ingest-tmp`, 'trustlens-ingest-a1', 'orders.parquet'), 'half');
    // A killed process: its pid is free again. A run killed in a container was pid 1 there, and pid 1 here is init,
    // started long before: the start time in the name tells them apart.
    const dead = spawnSync('true').pid!;
    const init = Number(processStart(1) ?? 0);
    const killed = [`.2026-10-26.tmp-${dead}`, `.2026-10-19.tmp-1-${init + 12_345}`];
    const live = swapNames(join(reports, '2026-11-09')).tmp;
    for (const d of [...killed.map((k) => join(reports, k)), live]) mkdirSync(d, { recursive: true });
    mkdirSync(join(reports, '2026-10-26'));
    mkdirSync(join(reports, '2026-10-26', `.data.tmp-${dead}`));
    mkdirSync(join(artifacts, 'abuse-risk'), { recursive: true });
    writeFileSync(join(artifacts, 'abuse-risk', '2026-11-02.json.pending'), '{}');

    const from = writeTables(tempDir('leftovers-in'), goodRows());
    expect(await main(['ingest', '--from', from, '--config', config])).toBe(0);

    const check = await Warehouse.open({ path: warehouse, readOnly: true });
    const tables = await check.all<{ t: string }>(
      "select table_name as t from information_schema.tables where table_name like '%\\_\\_%' escape '\\'",
    );
    check.close();
    expect(tables).toEqual([]);
    expect(existsSync(`${warehouse}.ingest-tmp`)).toBe(false);
    expect(dotEntries(reports)).toEqual([live.slice(reports.length + 1)]);
    expect(dotEntries(join(reports, '2026-10-26'))).toEqual([]);
    expect(readdirSync(join(artifacts, 'abuse-risk'))).toEqual([]);
    const said = err
      .join('')
      .split('\n')
      .find((l) => l.startsWith('cleaned what an interrupted run left: '));
    expect(said).toContain('table merchant_scorecard__new, table score_buyer__build');
    expect(said).toContain(join(reports, killed[1]!));
    expect(said).toContain(join(artifacts, 'abuse-risk', '2026-11-02.json.pending'));
    rmSync(live, { recursive: true });
  });

  it('leaves no ingest temp folder after a mapped ingest, so the next command has nothing to report cleaned', async () => {
    const root = tempDir('mapped');
    const warehouse = join(root, 'wh.duckdb');
    const example = fileURLToPath(new URL('../../../data/mappings/marketplace-export', import.meta.url));
    expect(await main(['ingest', '--from', example, '--mapping', `${example}.yaml`, '--warehouse', warehouse])).toBe(0);
    expect(existsSync(`${warehouse}.ingest-tmp`)).toBe(false);
    err.length = 0;
    expect(await main(['quarantine', '--warehouse', warehouse])).toBe(0);
    expect(err.join('')).not.toContain('cleaned what an interrupted run left');
  });
});
