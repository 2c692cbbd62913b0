// Folders swapped in by rename (reports, the notebook export): the names of their temp and old copies, and the cleanup
// of the copies a killed process left (`.<name>.tmp-<pid>`, `.<name>.old-<pid>`).
import { existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** The sibling a new version of `dir` is built in, and the one the previous version waits in during the swap. */
export function swapNames(dir: string, pid = process.pid): { tmp: string; old: string } {
  return {
    tmp: join(dirname(dir), `.${basename(dir)}.tmp-${pid}`),
    old: join(dirname(dir), `.${basename(dir)}.old-${pid}`),
  };
}

/** Puts the complete folder `tmp` in place of `dir` (two renames); on failure the previous `dir` is back. */
export function swapFolder(tmp: string, dir: string): void {
  const { old } = swapNames(dir);
  rmSync(old, { recursive: true, force: true });
  if (existsSync(dir)) renameSync(dir, old);
  try {
    renameSync(tmp, dir);
  } catch (err) {
    if (!existsSync(dir) && existsSync(old)) renameSync(old, dir);
    throw err;
  }
  rmSync(old, { recursive: true, force: true });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const COPY = /^\.(.+)\.(tmp|old)-(\d+)$/;

/**
 * Cleans what processes that are gone left in `parent`: a temp copy is removed; an old copy is put back when the swap
 * was cut between its two renames (the folder itself is missing), else removed. Returns the paths it removed or restored.
 */
export function cleanStaleFolders(parent: string): string[] {
  if (!existsSync(parent)) return [];
  const done: string[] = [];
  for (const e of readdirSync(parent, { withFileTypes: true })) {
    const m = COPY.exec(e.name);
    if (!m || !e.isDirectory() || alive(Number(m[3]))) continue;
    const path = join(parent, e.name);
    const target = join(parent, m[1]!);
    if (m[2] === 'old' && !existsSync(target)) renameSync(path, target);
    else rmSync(path, { recursive: true, force: true });
    done.push(path);
  }
  return done;
}
