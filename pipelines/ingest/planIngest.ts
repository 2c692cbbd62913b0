// Decides what a batch will load: files per table (default naming or mapping), minus files already loaded with the same
// fingerprint. A mapping is checked here against the files it reads, in the mapping sandbox, every problem at once.
import { existsSync, realpathSync, statSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { TABLE_NAMES, type OptionalTable, type TableName } from '../../data/contracts/index.ts';
import { absentSources } from '../../data/warehouse/absentSources.ts';
import { quoteIdent } from '../../data/warehouse/quoteIdent.ts';
import { UserError, ValidationError } from '../../data/validation/errors.ts';
import type { Warehouse } from '../../data/warehouse/Warehouse.ts';
import { readSql } from '../../data/warehouse/readSql.ts';
import { hasRows } from './hasRows.ts';
import { naturalOrder } from './naturalOrder.ts';
import { fingerprintFile } from './fingerprintFile.ts';
import { findDefaultFiles, globFiles } from './findFiles.ts';
import type { ReadMapping } from './mapping/loadMapping.ts';
import { tableQuery, type Mapping, type TableMapping } from './mapping/mappingSchema.ts';
import { Sandbox } from './sandbox/Sandbox.ts';
import { formatOf, type SourceFile, type SourceFormat } from './sourceFile.ts';

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
  /** Files of 0 bytes: reported and skipped (a header-only CSV still loads, as an empty delivery). */
  empty: string[];
  /** Where mapped files are staged (open while the plan is; the caller closes it). */
  sandbox?: Sandbox;
  /** Tables the mapping declares absent that the warehouse does not yet record as absent. */
  newlyAbsent: OptionalTable[];
}

async function describeFile(
  from: string,
  table: TableName,
  abs: string,
  format: SourceFormat | undefined,
  salt: string,
): Promise<SourceFile> {
  const display = relative(from, abs);
  const fmt = format ?? formatOf(abs);
  if (!fmt)
    throw new UserError(
      `${display}: unknown file type for ${table}; use .csv, .parquet or .ndjson, or set format in the mapping`,
    );
  return {
    table,
    path: abs,
    display,
    format: fmt,
    bytes: statSync(abs).size,
    fingerprint: await fingerprintFile(abs, salt),
  };
}

async function alreadyLoaded(wh: Warehouse, f: SourceFile): Promise<SkippedFile | undefined> {
  const rows = await wh.all<{ batch_id: number; path: string }>(
    readSql(new URL('./sql/batch/find_loaded_file.sql', import.meta.url)),
    { table: f.table, fp: f.fingerprint },
  );
  return rows[0] ? { file: f, batchId: rows[0].batch_id, loadedAs: rows[0].path } : undefined;
}

/**
 * A mapped table's fingerprint salt: the same bytes mapped differently are new data. Unchanged for mappings without
 * sources.
 */
function mappingSalt(mapping: Mapping, tm: TableMapping): string {
  return JSON.stringify(tm) + (mapping.sources && tableQuery(tm) !== undefined ? JSON.stringify(mapping.sources) : '');
}

/**
 * Files of each mapped table by its glob (none for a query table without files), and a problem for each glob that
 * matches no file: reported with the problems the other tables' files show (checkMapping), not a run before them.
 */
function globMapped(
  from: string,
  fromDir: string,
  mapping: Mapping,
): { mapped: Map<TableName, string[]>; problems: string[] } {
  const mapped = new Map<TableName, string[]>();
  const problems: string[] = [];
  for (const table of TABLE_NAMES) {
    const tm = mapping.tables[table];
    if (!tm) continue;
    const paths = tm.files === undefined ? [] : globFiles(from, tm.files);
    if (tm.files !== undefined && paths.length === 0)
      problems.push(`key tables.${table}.files: "${tm.files}" matches no file under ${fromDir}; fix the glob`);
    mapped.set(table, paths);
  }
  return { mapped, problems };
}

/** Opens the sandbox and checks the mapping against the files; returns the files each query table's SQL reads. */
async function checkMapping(
  from: string,
  outDir: string,
  { mapping, problems, badKeys }: ReadMapping,
  mappingFile: string | undefined,
  { mapped, problems: globProblems }: { mapped: Map<TableName, string[]>; problems: string[] },
): Promise<{ sandbox: Sandbox; filesRead: Partial<Record<TableName, string[]>> }> {
  const files = [...new Set([...mapped.values()].flat().map((p) => realpathSync(p)))];
  const sandbox = await Sandbox.open({ from, outDir, files, mapping, mappingFile: mappingFile ?? 'mapping' });
  try {
    const tables = [...mapped].map(([table, paths]) => ({
      table,
      files: paths
        .filter((p) => statSync(p).size > 0)
        .map((p) => ({
          path: p,
          display: relative(from, p),
          format: mapping.tables[table]!.format ?? formatOf(p) ?? ('csv' as const),
        })),
    }));
    const checked = await sandbox.validate({
      tables: tables.filter((t) => t.files.length || tableQuery(mapping.tables[t.table]!) !== undefined),
      skip: badKeys,
    });
    // The SQL statements' own problems (loadMapping), globs matching nothing and what the files show, together.
    const all = [...problems, ...globProblems, ...checked.problems];
    if (all.length) throw new ValidationError(mappingFile ?? 'mapping', all);
    return { sandbox, filesRead: checked.filesRead };
  } catch (err) {
    await sandbox.close();
    throw err;
  }
}

export async function planIngest(
  wh: Warehouse,
  fromDir: string,
  read?: ReadMapping,
  mappingFile?: string,
  outDir?: string,
): Promise<IngestPlan> {
  const mapping = read?.mapping;
  const from = resolve(fromDir);
  if (!existsSync(from) || !statSync(from).isDirectory())
    throw new UserError(`--from ${fromDir}: no such folder; give the folder holding the input files`);
  const found = findDefaultFiles(from);
  const globbed = mapping
    ? globMapped(from, fromDir, mapping)
    : { mapped: new Map<TableName, string[]>(), problems: [] };
  const mapped = globbed.mapped;
  const checked = read ? await checkMapping(from, outDir ?? from, read, mappingFile, globbed) : undefined;
  try {
    const plan = await planFiles(wh, fromDir, from, found, mapped, checked?.filesRead ?? {}, mapping, mappingFile);
    return { ...plan, sandbox: checked?.sandbox };
  } catch (err) {
    await checked?.sandbox.close();
    throw err;
  }
}

async function planFiles(
  wh: Warehouse,
  fromDir: string,
  from: string,
  found: ReturnType<typeof findDefaultFiles>,
  mapped: Map<TableName, string[]>,
  filesRead: Partial<Record<TableName, string[]>>,
  mapping: Mapping | undefined,
  mappingFile: string | undefined,
): Promise<Omit<IngestPlan, 'sandbox'>> {
  const tables = new Map<TableName, SourceFile[]>();
  const empty: string[] = [];
  // Tables with a file, even an empty one: a first load checks that all eight were delivered.
  const delivered = new Set<TableName>();
  // Tables the marketplace does not have: not required, not read (README: missing sources).
  const absent = new Set<TableName>(mapping?.absent ?? []);
  for (const table of TABLE_NAMES) {
    if (absent.has(table)) continue;
    const tm = mapping?.tables[table];
    const salt = tm ? mappingSalt(mapping!, tm) : '';
    const query = tm && tableQuery(tm) !== undefined;
    // A query table is fingerprinted over its glob's files and every file its SQL read.
    const paths = tm
      ? [...new Set([...(mapped.get(table) ?? []), ...(query ? (filesRead[table] ?? []) : [])])].sort(naturalOrder)
      : (found.byTable.get(table) ?? []);
    if (query && paths.length === 0) {
      throw new ValidationError(mappingFile ?? 'mapping', [
        `key tables.${table}: its query reads no file under --from ${fromDir}; read the table's files with read_csv, read_parquet or read_json`,
      ]);
    }
    const files: SourceFile[] = [];
    for (const p of paths) {
      if (statSync(p).size === 0 && !query) {
        empty.push(relative(from, p));
        delivered.add(table);
      } else {
        const f = await describeFile(from, table, p, query ? (tm!.format ?? formatOf(p) ?? 'csv') : tm?.format, salt);
        files.push(query ? { ...f, counted: (mapped.get(table) ?? []).includes(p) } : f);
      }
    }
    if (files.length) tables.set(table, files);
  }
  const firstLoad = !(await wh.tableExists('load_batches')) || !(await hasRows(wh, 'load_batches'));
  if (firstLoad) {
    const missing = TABLE_NAMES.filter((t) => !tables.has(t) && !delivered.has(t) && !absent.has(t));
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
      const queryUnit = mapping?.tables[table] !== undefined && tableQuery(mapping.tables[table]!) !== undefined;
      // A query table is one query over all its files: load all of them if any is new.
      const keep = files.filter((_, i) => !hits[i] || (queryUnit && hits.some((h) => !h)));
      skipped.push(...hits.filter((h, i): h is SkippedFile => h !== undefined && !keep.includes(files[i]!)));
      if (keep.length) tables.set(table, keep);
      else tables.delete(table);
    }
  }
  const claimed = new Set([...tables.values(), ...skipped.map((x) => [x.file])].flat().map((f) => f.display));
  const recorded = await absentSources(wh);
  const newlyAbsent = (mapping?.absent ?? []).filter((t) => !recorded.includes(t));
  for (const t of newlyAbsent) {
    // Absent means the marketplace has no such data; rows loaded earlier would contradict it.
    const rows = (await wh.tableExists(t))
      ? Number(await wh.scalar(readSql(new URL('./sql/count_rows.sql', import.meta.url), { table: quoteIdent(t) })))
      : 0;
    if (rows > 0)
      throw new UserError(
        `${mappingFile}: absent lists ${t}, but the warehouse holds ${rows} ${t} rows loaded earlier; remove it from absent (deliver its new rows) or use a fresh warehouse`,
      );
  }
  return {
    from,
    mapping,
    mappingFile,
    tables,
    skipped,
    empty,
    ignored: found.ignored.filter((f) => !claimed.has(f)),
    newlyAbsent,
  };
}
