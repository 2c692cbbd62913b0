// A lock file beside the warehouse so two weekly runs never interleave their stages on the same warehouse. It cannot go
// stale: its holder counts as alive only if a process with its pid, start time and boot id still runs (a pid alone
// outlives its process, and in a PID namespace every run is pid 1), or if the warehouse is still held with DuckDB's
// exclusive file lock, which every writer holds while it runs and which the OS releases when the process dies (this is
// what sees a holder in another PID namespace).
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { UserError } from '../../data/validation/errors.ts';
import { processAlive, selfIdentity, type ProcessIdentity } from '../../data/files/processIdentity.ts';

export interface RunLock {
  path: string;
  release(): void;
}

interface Holder extends ProcessIdentity {
  what?: string;
}

/** Warehouses this process holds: a second writer in the same process is refused too (file locks are per process). */
const heldHere = new Set<string>();

function read(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8').trim();
  } catch {
    return undefined;
  }
}

/** Whether the process that wrote the lock still runs: same pid, and the same start time and boot where known. */
export const holderAlive = (h: Holder): boolean => processAlive(h);

/** DuckDB's lock message when another process holds the warehouse file, else undefined (free, or no file yet). */
async function fileLockHolder(warehouse: string): Promise<string | undefined> {
  let instance: DuckDBInstance | undefined;
  try {
    instance = await DuckDBInstance.create(warehouse, { access_mode: 'READ_ONLY' });
    return undefined;
  } catch (err) {
    const msg = err instanceof Error ? err.message.split('\n')[0]! : String(err);
    return /Could not set lock on file/.test(msg) ? msg : undefined;
  } finally {
    instance?.closeSync();
  }
}

function busy(warehouse: string, path: string, h: Holder): UserError {
  return new UserError(
    `warehouse ${warehouse} is busy: ${h.what ?? 'another run'} (pid ${h.pid}) holds ${path}; wait for it to finish, or use another --warehouse`,
  );
}

/**
 * Takes `<warehouse>.lock` exclusively. A lock whose holder no longer runs (killed, or another boot) is taken over, so
 * a
 * killed run never blocks the next week. A missing folder for the warehouse is created.
 */
export async function acquireRunLock(warehouse: string, what: string): Promise<RunLock> {
  const path = `${warehouse}.lock`;
  if (heldHere.has(warehouse)) {
    const h = JSON.parse(read(path) ?? '{}') as Holder;
    throw busy(warehouse, path, { ...h, pid: process.pid });
  }
  try {
    // A missing folder is created, as DuckDB would create the warehouse file in it.
    mkdirSync(dirname(path), { recursive: true });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new UserError(
      `warehouse ${warehouse}: cannot create its folder ${dirname(path)} (${code}); create it or pass another --warehouse`,
    );
  }
  for (let attempt = 0; attempt < 3; attempt++) {
    let fd: number;
    try {
      fd = openSync(path, 'wx');
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EACCES' || code === 'EROFS' || code === 'EPERM') {
        throw new UserError(
          `warehouse ${warehouse}: cannot create the lock file ${path} (${code}: no write permission); commands that write need a writable folder`,
        );
      }
      if (code !== 'EEXIST') throw err;
      let holder: Holder = {};
      try {
        holder = JSON.parse(read(path) ?? '') as Holder;
      } catch {
        // A half-written lock is treated like a stale one.
      }
      if (holderAlive(holder)) throw busy(warehouse, path, holder);
      const dbLock = existsSync(warehouse) ? await fileLockHolder(warehouse) : undefined;
      if (dbLock !== undefined)
        throw busy(warehouse, path, { ...holder, what: `${holder.what ?? 'another run'} (${dbLock})` });
      rmSync(path, { force: true });
      continue;
    }
    writeSync(fd, JSON.stringify({ ...selfIdentity(), what } satisfies Holder));
    closeSync(fd);
    heldHere.add(warehouse);
    return {
      path,
      release: () => {
        heldHere.delete(warehouse);
        rmSync(path, { force: true });
      },
    };
  }
  throw new UserError(`could not take ${path}; remove it if no trustlens run is active`);
}
