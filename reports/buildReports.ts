// Writes all report files to the output folder atomically: build in a sibling temp folder, then swap it in by rename.
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { cleanStaleFolders, swapNames } from '../data/files/staleFolders.ts';
import { renderReports } from './renderReports.ts';
import type { ReportData } from './reportData.ts';

export interface BuiltReports {
  dir: string;
  /** Absolute paths of the files written, index.html first. */
  files: string[];
}

/** Subfolders other stages own (the notebook export) that a new set of reports carries over instead of deleting. */
const KEPT_SUBFOLDERS = ['data'];

/**
 * Cleans what killed report and export writers left under the reports folder: swap copies of a week's folder (giving
 * back the export a cut swap had carried) and of the export inside it. Returns what it removed or restored.
 */
export function cleanStaleReports(reportsDir: string): string[] {
  const cleaned = cleanStaleFolders(reportsDir, KEPT_SUBFOLDERS);
  if (!existsSync(reportsDir)) return cleaned;
  for (const e of readdirSync(reportsDir, { withFileTypes: true }))
    if (e.isDirectory() && !e.name.startsWith('.')) cleaned.push(...cleanStaleFolders(join(reportsDir, e.name)));
  return cleaned;
}

/** Readers never see a half-written folder: either the previous reports or the complete new set. */
export function writeReportsAtomically(outDir: string, files: Record<string, string>): BuiltReports {
  const dir = resolve(outDir);
  mkdirSync(dirname(dir), { recursive: true });
  // Copies a killed writer left beside it go first (the next writing command cleans them too).
  cleanStaleFolders(dirname(dir), KEPT_SUBFOLDERS);
  const { tmp, old } = swapNames(dir);
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
