// Writes all report files to the output folder atomically: build in a sibling temp folder, then swap it in by rename.
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { renderReports } from './renderReports.ts';
import type { ReportData } from './reportData.ts';

export interface BuiltReports {
  dir: string;
  /** Absolute paths of the files written, index.html first. */
  files: string[];
}

/** Readers never see a half-written folder: either the previous reports or the complete new set. */
export function writeReportsAtomically(outDir: string, files: Record<string, string>): BuiltReports {
  const dir = resolve(outDir);
  mkdirSync(dirname(dir), { recursive: true });
  const tmp = join(dirname(dir), `.${basename(dir)}.tmp-${process.pid}`);
  const old = join(dirname(dir), `.${basename(dir)}.old-${process.pid}`);
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp);
  try {
    for (const [name, content] of Object.entries(files)) writeFileSync(join(tmp, name), content, 'utf8');
    if (existsSync(dir)) renameSync(dir, old);
    renameSync(tmp, dir);
  } catch (err) {
    rmSync(tmp, { recursive: true, force: true });
    if (existsSync(old) && !existsSync(dir)) renameSync(old, dir);
    throw err;
  }
  rmSync(old, { recursive: true, force: true });
  return { dir, files: Object.keys(files).map((f) => join(dir, f)) };
}

export function buildReports(data: ReportData, outDir: string): BuiltReports {
  return writeReportsAtomically(outDir, renderReports(data));
}
