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

/** Subfolders other stages own (the notebook export) that a new set of reports carries over instead of deleting. */
const KEPT_SUBFOLDERS = ['data'];

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
    for (const sub of KEPT_SUBFOLDERS) if (existsSync(join(dir, sub))) renameSync(join(dir, sub), join(tmp, sub));
    if (existsSync(dir)) renameSync(dir, old);
    renameSync(tmp, dir);
  } catch (err) {
    if (existsSync(old) && !existsSync(dir)) renameSync(old, dir);
    // Carried-over folders go back before the temp folder is removed: a failed report never loses the export.
    for (const sub of KEPT_SUBFOLDERS)
      if (existsSync(join(tmp, sub)) && existsSync(dir)) renameSync(join(tmp, sub), join(dir, sub));
    rmSync(tmp, { recursive: true, force: true });
    throw err;
  }
  rmSync(old, { recursive: true, force: true });
  return { dir, files: Object.keys(files).map((f) => join(dir, f)) };
}

export function buildReports(data: ReportData, outDir: string): BuiltReports {
  return writeReportsAtomically(outDir, renderReports(data));
}
