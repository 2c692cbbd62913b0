// A lock file beside the warehouse so two weekly runs never interleave their stages on the same warehouse.
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { UserError } from '../../data/validation/errors.ts';

export interface RunLock {
  path: string;
  release(): void;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes `<warehouse>.lock` exclusively. A lock left by a process that no longer exists is taken over,
 * so a killed run does not block the next week forever.
 */
export function acquireRunLock(warehouse: string, what: string): RunLock {
  const path = `${warehouse}.lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, JSON.stringify({ pid: process.pid, what }));
      closeSync(fd);
      return { path, release: () => rmSync(path, { force: true }) };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      let holder: { pid?: number; what?: string } = {};
      try {
        holder = JSON.parse(readFileSync(path, 'utf8')) as typeof holder;
      } catch {
        // A half-written lock is treated like a stale one.
      }
      if (holder.pid !== undefined && processAlive(holder.pid)) {
        throw new UserError(
          `warehouse ${warehouse} is busy: ${holder.what ?? 'another run'} (pid ${holder.pid}) holds ${path}; ` +
            'wait for it to finish, or use another --warehouse',
        );
      }
      rmSync(path, { force: true });
    }
  }
  throw new UserError(`could not take ${path}; remove it if no trustlens run is active`);
}
