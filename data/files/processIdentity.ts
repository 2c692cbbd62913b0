// Whether a process that left something behind (a lock, a temp folder) still runs: a pid alone outlives its process,
// and
// in a PID namespace (a container) every run is pid 1, so the pid's start time and the boot it ran in are compared too.
import { readFileSync } from 'node:fs';

/**
 * Who wrote a lock or a temp folder. `start` and `boot` are absent where /proc does not tell (then the pid decides).
 */
export interface ProcessIdentity {
  pid?: number;
  /** Start time of the process in clock ticks since boot (/proc/<pid>/stat field 22). */
  start?: string;
  boot?: string;
}

function read(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8').trim();
  } catch {
    return undefined;
  }
}

/** The start time of a process, or undefined where /proc does not tell. */
export function processStart(pid: number | 'self'): string | undefined {
  const stat = read(`/proc/${pid}/stat`);
  // The command name (field 2) may hold spaces and parentheses: fields are counted after its closing parenthesis.
  return stat?.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
}

export const bootId = (): string | undefined => read('/proc/sys/kernel/random/boot_id');

/** This process, as a later one will check it. */
export function selfIdentity(): Required<Pick<ProcessIdentity, 'pid'>> & ProcessIdentity {
  return { pid: process.pid, start: processStart('self'), boot: bootId() };
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Whether the process still runs: same pid, and the same start time and boot where known. */
export function processAlive(p: ProcessIdentity): boolean {
  if (p.pid === undefined || !pidAlive(p.pid)) return false;
  const boot = bootId();
  if (p.boot !== undefined && boot !== undefined && p.boot !== boot) return false;
  if (p.start !== undefined) {
    const now = processStart(p.pid);
    if (now !== undefined && now !== p.start) return false;
  }
  return true;
}
