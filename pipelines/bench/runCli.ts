// Runs the trustlens CLI in a child process under /usr/bin/time: wall seconds, CPU seconds and peak RSS of that process
// alone.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export interface Measured {
  seconds: number;
  /** User + system CPU of the child, every thread counted: steadier than wall time on a shared machine. */
  cpuSeconds: number;
  peakRssMb: number;
}

const BIN = join(resolve(import.meta.dirname, '..', '..'), 'pipelines', 'cli', 'bin.js');

/** Reads `/usr/bin/time -f '%M %U %S'` output: peak RSS in KB, user and system CPU seconds (last line wins). */
export function parseTimeOutput(text: string): { cpuSeconds: number; peakRssMb: number } {
  const last = text.trim().split('\n').pop() ?? '';
  const [kb, user, sys] = last.split(' ').map(Number);
  if (![kb, user, sys].every((x) => Number.isFinite(x)))
    throw new Error(`/usr/bin/time wrote "${last}", expected "peakKB userSeconds systemSeconds"`);
  return { cpuSeconds: user! + sys!, peakRssMb: Math.round(kb! / 1024) };
}

export function runCli(args: readonly string[], label: string): Measured {
  const timeFile = join(tmpdir(), `trustlens-bench-time-${process.pid}`);
  const t0 = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', '%M %U %S', '-o', timeFile, process.execPath, BIN, ...args, '--quiet'], {
    encoding: 'utf8',
    env: { ...process.env, TZ: 'UTC', CI: 'true' },
    maxBuffer: 1 << 26,
  });
  const seconds = (performance.now() - t0) / 1000;
  if (r.status !== 0)
    throw new Error(`${label} failed (exit ${r.status}):\n${r.stderr.split('\n').slice(-15).join('\n')}`);
  const measured = parseTimeOutput(readFileSync(timeFile, 'utf8'));
  rmSync(timeFile, { force: true });
  return { seconds, ...measured };
}
