// Writes all report files to the output folder atomically: build in a sibling temp folder, then swap it in by rename.
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { cleanStaleFolders, swapNames } from '../data/files/staleFolders.ts';
import { UserError } from '../data/validation/errors.ts';
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

/**
 * The names a set of reports leaves in its folder: this set's files, the carried subfolders, and, beside an index.html,
 * the pages and CSVs of an earlier set (a page renamed since is still a report's).
 */
function isReportEntry(name: string, isDirectory: boolean, files: Record<string, string>, previousSet: boolean) {
  if (isDirectory) return KEPT_SUBFOLDERS.includes(name);
  return name in files || (previousSet && /^[a-z0-9-]+\.(html|csv)$/.test(name));
}

/** The reports replace their whole folder: one holding anything else (a delivery, notes) is refused, not emptied. */
function refuseForeignFolder(dir: string, files: Record<string, string>): void {
  if (!existsSync(dir)) return;
  const entries = readdirSync(dir, { withFileTypes: true });
  const previousSet = entries.some((e) => e.isFile() && e.name === 'index.html');
  const foreign = entries.filter((e) => !isReportEntry(e.name, e.isDirectory(), files, previousSet)).map((e) => e.name);
  if (foreign.length === 0) return;
  const shown = foreign.slice(0, 3).join(', ') + (foreign.length > 3 ? `, … (${foreign.length} in all)` : '');
  throw new UserError(
    `reports folder ${dir} holds files that are not reports (${shown}); the reports replace the whole folder, so choose a new or empty --out`,
  );
}

/** Readers never see a half-written folder: either the previous reports or the complete new set. */
export function writeReportsAtomically(outDir: string, files: Record<string, string>): BuiltReports {
  const dir = resolve(outDir);
  refuseForeignFolder(dir, files);
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
