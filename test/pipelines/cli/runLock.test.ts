// The run lock cannot go stale (issue 21, failure 5): a run killed inside a PID namespace (pid 1 there) leaves a lock
// the
// next run takes over; a live holder is refused with its command; a missing warehouse folder is created.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { acquireRunLock, holderAlive } from '../../../pipelines/cli/runLock.ts';
import { tempDir } from '../ingest/fixtures.ts';
import { tried } from '../../support/badInputs.ts';

const HOLDER = fileURLToPath(new URL('./lockHolder.ts', import.meta.url));
const TSX = fileURLToPath(
  import.meta.resolve?.('tsx') ?? new URL('../../../node_modules/tsx/dist/loader.mjs', import.meta.url),
);

/** Whether this machine lets an unprivileged child start in new user and PID namespaces (CI containers may not). */
const namespaces = spawnSync('unshare', ['--user', '--map-root-user', '--pid', '--fork', 'true']).status === 0;

/** Starts the lock holder (in a new PID namespace when asked) and resolves once it holds the lock. */
function startHolder(warehouse: string, inNamespace: boolean): Promise<{ kill: () => void; pid: number }> {
  const node = [process.execPath, '--import', TSX, HOLDER, warehouse];
  const child = inNamespace
    ? spawn('unshare', ['--user', '--map-root-user', '--pid', '--fork', ...node], {
        detached: true,
        stdio: ['ignore', 'pipe', 'inherit'],
      })
    : spawn(node[0]!, node.slice(1), { detached: true, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => {
      const m = /locked (\d+)/.exec(String(d));
      if (m) resolve({ pid: Number(m[1]), kill: () => process.kill(-child.pid!, 'SIGKILL') });
    });
    child.on('exit', (code) => reject(new Error(`lock holder exited (${code})`)));
  });
}

describe('the run lock', () => {
  it.skipIf(!namespaces)(
    'is taken over after a run in a PID namespace (pid 1 there) was killed (failure 5)',
    async () => {
      tried(1); // a run killed as pid 1 of a namespace
      const warehouse = join(tempDir('lock'), 'wh.duckdb');
      const holder = await startHolder(warehouse, true);
      expect(holder.pid).toBe(1);
      expect(JSON.parse(readFileSync(`${warehouse}.lock`, 'utf8')).pid).toBe(1);
      // While it runs, it holds the lock, even though pid 1 outside the namespace is another process.
      // Outside the namespace pid 1 is another process, so the pid says nothing; DuckDB's lock on the warehouse says
      // busy.
      await expect(acquireRunLock(warehouse, 'trustlens run --as-of 2026-11-09')).rejects.toThrow(
        /is busy: trustlens run --as-of 2026-11-02 \(lock holder\) \(IO Error: Could not set lock on file .*\) \(pid 1\)/,
      );
      holder.kill();
      await new Promise((r) => setTimeout(r, 300));
      const lock = await acquireRunLock(warehouse, 'trustlens run --as-of 2026-11-09');
      expect(JSON.parse(readFileSync(lock.path, 'utf8'))).toMatchObject({
        pid: process.pid,
        what: 'trustlens run --as-of 2026-11-09',
      });
      lock.release();
    },
  );

  it('refuses a second writer while the holder runs, naming it, and takes over once it was killed', async () => {
    tried(2); // a second writer, a killed holder
    const warehouse = join(tempDir('lock'), 'wh.duckdb');
    const holder = await startHolder(warehouse, false);
    await expect(acquireRunLock(warehouse, 'trustlens score --as-of 2026-11-02')).rejects.toThrow(
      `warehouse ${warehouse} is busy: trustlens run --as-of 2026-11-02 (lock holder) (pid ${holder.pid}) holds ${warehouse}.lock; wait for it to finish, or use another --warehouse`,
    );
    holder.kill();
    await new Promise((r) => setTimeout(r, 300));
    (await acquireRunLock(warehouse, 'trustlens score --as-of 2026-11-02')).release();
    expect(existsSync(`${warehouse}.lock`)).toBe(false);
  });

  it('counts a holder dead when its pid now belongs to a process started later, or to another boot', async () => {
    tried(2); // a reused pid, another boot
    const self = JSON.parse(JSON.stringify({ pid: process.pid }));
    expect(holderAlive(self)).toBe(true);
    expect(holderAlive({ ...self, start: '1' })).toBe(false);
    expect(holderAlive({ ...self, boot: 'another-boot' })).toBe(false);
    const warehouse = join(tempDir('lock'), 'wh.duckdb');
    writeFileSync(`${warehouse}.lock`, JSON.stringify({ pid: 1, what: 'trustlens run (in a container)', start: '1' }));
    (await acquireRunLock(warehouse, 'trustlens run')).release();
  });

  it('refuses a second writer in the same process', async () => {
    tried(1); // a second writer in one process
    const warehouse = join(tempDir('lock'), 'wh.duckdb');
    const lock = await acquireRunLock(warehouse, 'trustlens features --as-of 2026-11-02');
    try {
      await expect(acquireRunLock(warehouse, 'trustlens run')).rejects.toThrow(
        /is busy: trustlens features --as-of 2026-11-02 \(pid \d+\)/,
      );
    } finally {
      lock.release();
    }
  });

  it('creates a missing warehouse folder instead of failing on the lock file (failure 6)', async () => {
    tried(1); // a warehouse in a missing folder
    const warehouse = join(tempDir('lock'), 'new', 'folder', 'wh.duckdb');
    const lock = await acquireRunLock(warehouse, 'trustlens ingest');
    expect(existsSync(lock.path)).toBe(true);
    lock.release();
  });
});
