// Decides what a batch will load: files per table (default naming or mapping), minus files already loaded with the same fingerprint.
import { existsSync, statSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { TABLE_NAMES, type TableName } from '../../data/contracts/index.ts';
import { UserError } from '../../data/validation/errors.ts';
import type { Warehouse } from '../../data/warehouse/Warehouse.ts';
import { readSql } from '../../data/warehouse/readSql.ts';
import { hasRows } from './hasRows.ts';
import { fingerprintFile } from './fingerprintFile.ts';
import { findDefaultFiles, globFiles } from './findFiles.ts';
import type { Mapping } from './mapping/mappingSchema.ts';
import { formatOf, type SourceFile } from './sourceFile.ts';

export interface SkippedFile {
  file: SourceFile;
  batchId: number;
  loadedAs: string;
}

export interface IngestPlan {
  from: string;
  mapping?: Mapping;
  mappingFile?: string;
  /** Files to load, per table, in LOAD_ORDER-independent discovery order. */
  tables: Map<TableName, SourceFile[]>;
  skipped: SkippedFile[];
  ignored: string[];
}

async function describeFile(from: string, table: TableName, abs: string, format: SourceFile['format'] | undefined, salt: string): Promise<SourceFile> {
  const display = relative(from, abs);
  const fmt = format ?? formatOf(abs);
  if (!fmt) throw new UserError(`${display}: unknown file type for ${table}; use .csv, .parquet or .ndjson, or set format in the mapping`);
  return { table, path: abs, display, format: fmt, bytes: statSync(abs).size, fingerprint: await fingerprintFile(abs, salt) };
}

async function alreadyLoaded(wh: Warehouse, f: SourceFile): Promise<SkippedFile | undefined> {
  const rows = await wh.all<{ batch_id: number; path: string }>(
    readSql(new URL('./sql/batch/find_loaded_file.sql', import.meta.url)),
    { table: f.table, fp: f.fingerprint },
  );
  return rows[0] ? { file: f, batchId: rows[0].batch_id, loadedAs: rows[0].path } : undefined;
}

export async function planIngest(wh: Warehouse, fromDir: string, mapping?: Mapping, mappingFile?: string): Promise<IngestPlan> {
  const from = resolve(fromDir);
  if (!existsSync(from) || !statSync(from).isDirectory()) throw new UserError(`--from ${fromDir}: no such folder; give the folder holding the input files`);
  const found = findDefaultFiles(from);
  const tables = new Map<TableName, SourceFile[]>();
  for (const table of TABLE_NAMES) {
    const tm = mapping?.tables[table];
    // A mapped table's fingerprint also covers its mapping: the same bytes mapped differently are new data.
    const salt = tm ? JSON.stringify(tm) : '';
    const paths = tm ? globFiles(from, tm.files) : (found.byTable.get(table) ?? []);
    if (tm && paths.length === 0) throw new UserError(`${mappingFile}: tables.${table}.files "${tm.files}" matches no file under ${fromDir}; fix the glob`);
    const files: SourceFile[] = [];
    for (const p of paths) files.push(await describeFile(from, table, p, tm?.format, salt));
    if (files.length) tables.set(table, files);
  }
  const firstLoad = !(await wh.tableExists('load_batches')) || !(await hasRows(wh, 'load_batches'));
  if (firstLoad) {
    const missing = TABLE_NAMES.filter((t) => !tables.has(t));
    if (missing.length) {
      throw new UserError(
        `--from ${fromDir}: no file for ${missing.join(', ')}; the first load needs all eight tables ` +
          `(<table>.csv, .parquet or .ndjson; a header-only file is fine), or map them with --mapping`,
      );
    }
  }
  const skipped: SkippedFile[] = [];
  if (!firstLoad) {
    for (const [table, files] of tables) {
      const hits = await Promise.all(files.map((f) => alreadyLoaded(wh, f)));
      const sqlUnit = mapping?.tables[table]?.sql !== undefined;
      // A SQL-mapped table is one query over all its files: load all of them if any is new.
      const keep = files.filter((_, i) => !hits[i] || (sqlUnit && hits.some((h) => !h)));
      skipped.push(...hits.filter((h, i): h is SkippedFile => h !== undefined && !keep.includes(files[i]!)));
      if (keep.length) tables.set(table, keep);
      else tables.delete(table);
    }
  }
  const claimed = new Set([...tables.values(), ...skipped.map((x) => [x.file])].flat().map((f) => f.display));
  return { from, mapping, mappingFile, tables, skipped, ignored: found.ignored.filter((f) => !claimed.has(f)) };
}
