// Every failure names its real cause and the fix (issue 21, failure 6 / must show 5): memory limits too small, a full
// disk at the ingest commit, a read-only reports folder, a read-only warehouse (fine for report, named for writers).
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { explainFailure } from '../../../data/validation/explainFailure.ts';
import { cannotRead } from '../../../pipelines/ingest/checkedSource.ts';
import { goodRows, tempDir, writeTables } from '../ingest/fixtures.ts';
import { tried } from '../../support/badInputs.ts';

const BIN = fileURLToPath(new URL('../../../pipelines/cli/bin.js', import.meta.url));
const EXAMPLE = fileURLToPath(new URL('../../../data/mappings/marketplace-export', import.meta.url));

/** Runs the CLI, optionally inside a new mount namespace after `setup` (shell commands, e.g. mounting a tiny disk). */
function cli(args: string[], setup?: string): { status: number | null; stderr: string } {
  const command = [process.execPath, BIN, ...args].map((a) => `'${a.replaceAll("'", "'\\''")}'`).join(' ');
  const r = setup
    ? spawnSync('unshare', ['--mount', '--map-root-user', 'sh', '-c', `${setup} && exec ${command}`], {
        encoding: 'utf8',
        env: { ...process.env, TZ: 'UTC' },
      })
    : spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, TZ: 'UTC' } });
  return { status: r.status, stderr: r.stderr };
}

/** Whether this machine lets a child mount in its own mount namespace (CI containers may not). */
const mounts =
  spawnSync('unshare', ['--mount', '--map-root-user', 'sh', '-c', 'mount -t tmpfs tmpfs /mnt']).status === 0;

const config = (dir: string, c: object) => {
  const file = join(dir, 'config.json');
  writeFileSync(file, JSON.stringify(c));
  return file;
};

describe('memory', () => {
  it('names memoryLimit when it is too small for DuckDB, not a lock or the file (failure 6)', () => {
    tried(1); // memoryLimit 1KB
    const dir = tempDir('fail');
    const r = cli([
      'ingest',
      '--from',
      writeTables(dir, goodRows()),
      '--warehouse',
      join(dir, 'wh.duckdb'),
      '--config',
      config(dir, { memoryLimit: '1KB' }),
    ]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(
      /^trustlens: out of memory: DuckDB needed more than memoryLimit 1KB allows \(Out of Memory Error: .+\); raise memoryLimit in the config \(the default is 2.5GB\) or free memory on the machine\n$/,
    );
  });

  it('does not call a good file unreadable when memory runs out while reading it', () => {
    tried(1); // memoryLimit 20MB
    const file = {
      table: 'orders',
      path: '/x/orders.csv',
      display: 'orders.csv',
      format: 'csv',
      fingerprint: '',
      bytes: 1,
    } as const;
    const oom = new Error('Out of Memory Error: could not allocate block of size 244.1 MiB (8.0 KiB/19.0 MiB used)');
    expect(cannotRead(file, oom)).toBe(oom);
    expect(String(explainFailure(oom, { memoryLimit: '20MB' }))).toBe(
      'UserError: out of memory: DuckDB needed more than memoryLimit 20MB allows (Out of Memory Error: could not allocate block of size 244.1 MiB (8.0 KiB/19.0 MiB used)); raise memoryLimit in the config (the default is 2.5GB) or free memory on the machine',
    );
  });
});

describe.skipIf(!mounts)('disk and permissions (in a mount namespace)', () => {
  it('shows the cause when the disk fills at the ingest commit, and the fix (failure 6)', () => {
    tried(1); // a full disk
    const dir = tempDir('fail');
    const disk = join(dir, 'disk');
    mkdirSync(disk);
    mkdirSync(join(dir, 'in'));
    // 20,000 buyers: about 1 MB of write-ahead log at the commit, on a 200 KB disk.
    const rows = goodRows();
    rows.buyers = Array.from({ length: 20_000 }, (_, i) => ({
      buyer_id: `b${i + 1}`,
      registered_at: '2025-01-02T03:04:05Z',
      region: `CN-${i % 40}`,
    }));
    const from = writeTables(join(dir, 'in'), rows);
    const r = cli(
      ['ingest', '--from', from, '--warehouse', join(disk, 'wh.duckdb'), '--quiet'],
      `mount -t tmpfs -o size=200k tmpfs ${disk}`,
    );
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(
      /^trustlens: disk full \(TransactionContext Error: Failed to commit: .*No space left on device\); free space on the disk holding .*wh\.duckdb \(and its spill folder .*wh\.duckdb\.tmp\) and run again — the step that failed published nothing, so the warehouse and outputs are as before\n$/,
    );
  });

  it('reads a read-only warehouse for report; a writer is told it needs write access; a read-only reports folder is named (failure 6)', () => {
    tried(3); // read-only warehouse for report, for ingest; read-only reports folder
    const dir = tempDir('fail');
    const data = join(dir, 'data');
    mkdirSync(data);
    const warehouse = join(data, 'wh.duckdb');
    expect(
      cli(['ingest', '--from', EXAMPLE, '--mapping', `${EXAMPLE}.yaml`, '--warehouse', warehouse, '--quiet']).status,
    ).toBe(0);
    const readOnly = (folder: string) => `mount --bind ${folder} ${folder} && mount -o remount,ro,bind ${folder}`;
    const report = cli(
      ['report', '--as-of', '2026-04-06', '--warehouse', warehouse, '--out', join(dir, 'out'), '--quiet'],
      readOnly(data),
    );
    expect(report.stderr).not.toMatch(/trustlens:/);
    expect(report.status).toBe(0);
    const ingest = cli(['ingest', '--from', EXAMPLE, '--warehouse', warehouse], readOnly(data));
    expect(ingest.status).toBe(2);
    expect(ingest.stderr).toBe(
      `trustlens: warehouse ${warehouse}: cannot create the lock file ${warehouse}.lock (EROFS: no write permission); commands that write need a writable folder\n`,
    );
    const reports = join(dir, 'reports');
    mkdirSync(reports);
    const denied = cli(
      ['report', '--as-of', '2026-04-06', '--warehouse', warehouse, '--out', join(reports, '2026-04-06'), '--quiet'],
      readOnly(reports),
    );
    expect(denied.status).toBe(2);
    expect(denied.stderr).toMatch(
      /^trustlens: cannot write .*reports\/\.2026-04-06\.tmp-\d+-\d+ \(EROFS: read-only file system\); give trustlens write access there, or point it elsewhere \(config reportsDir, --out, --warehouse\)\n$/,
    );
  });
});
