// Folders swapped in by rename (reports, the notebook export): the names of their temp and old copies, and the cleanup
// of the copies a killed process left (`.<name>.tmp-<pid>-<start>`, `.<name>.old-<pid>-<start>`).
import { existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { processAlive, selfIdentity } from './processIdentity.ts';

/**
 * The sibling a new version of `dir` is built in, and the one the previous version waits in during the swap. They name
 * their process by pid and start time, so a later process can tell a live swap from a killed one, even in a container.
 */
export function swapNames(dir: string): { tmp: string; old: string } {
  const { pid, start } = selfIdentity();
  const owner = start === undefined ? `${pid}` : `${pid}-${start}`;
  return {
    tmp: join(dirname(dir), `.${basename(dir)}.tmp-${owner}`),
    old: join(dirname(dir), `.${basename(dir)}.old-${owner}`),
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

const COPY = /^\.(.+)\.(tmp|old)-(\d+)(?:-(\d+))?$/;

/**
 * Cleans what processes that are gone left in `parent`. An old copy is put back when the swap was cut between its two
 * renames (the folder itself is missing), else removed. Then a temp copy is removed, after handing back the subfolders
 * a swap carries over from the previous folder (`carried`, e.g. the export inside a week's reports) when the folder
 * lacks them. Returns the paths it removed or restored.
 */
export function cleanStaleFolders(parent: string, carried: readonly string[] = []): string[] {
  if (!existsSync(parent)) return [];
  const stale = readdirSync(parent, { withFileTypes: true })
    .map((e) => ({ e, m: COPY.exec(e.name) }))
    .filter(({ e, m }) => m !== null && e.isDirectory() && !processAlive({ pid: Number(m[3]), start: m[4] }))
    .map(({ e, m }) => ({ path: join(parent, e.name), target: join(parent, m![1]!), kind: m![2] as 'tmp' | 'old' }))
    // Old copies first: a folder put back can then take back what its temp copy carried.
    .sort((a, b) => (a.kind === b.kind ? a.path.localeCompare(b.path) : a.kind === 'old' ? -1 : 1));
  const done: string[] = [];
  for (const s of stale) {
    if (s.kind === 'old' && !existsSync(s.target)) renameSync(s.path, s.target);
    else {
      for (const sub of carried) {
        if (existsSync(join(s.path, sub)) && existsSync(s.target) && !existsSync(join(s.target, sub)))
          renameSync(join(s.path, sub), join(s.target, sub));
      }
      rmSync(s.path, { recursive: true, force: true });
    }
    done.push(s.path);
  }
  return done;
}
