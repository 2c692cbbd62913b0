// Stages one mapped file (or a SQL-mapped table) inside the sandbox and writes the mapped rows, and the lines its
// readers
// could not parse, as Parquet for the warehouse. A SQL error names the mapping key it comes from.
import { join } from 'node:path';
import type { Warehouse } from '../../../data/warehouse/Warehouse.ts';
import { boundParams } from '../../../data/warehouse/boundParams.ts';
import { quoteIdent, quoteLiteral } from '../../../data/warehouse/quoteIdent.ts';
import { readSql } from '../../../data/warehouse/readSql.ts';
import { UserError } from '../../../data/validation/errors.ts';
import { CsvFile } from '../csvFile.ts';
import { spliceableQuery, tableQuery, type Mapping } from '../mapping/mappingSchema.ts';
import { describeSqlError, expressionQuery, linesBefore } from '../mapping/sqlError.ts';
import { ndjsonLines } from '../ndjsonFile.ts';
import type { SourceFormat } from '../sourceFile.ts';
import { stageFile, type StagedSource } from '../stageFile.ts';
import type { StageRequest, StageResponse } from './protocol.ts';
import { filesOpened } from './sandboxDb.ts';

const sql = (name: string, slots?: Record<string, string>) =>
  readSql(new URL(`./sql/${name}.sql`, import.meta.url), slots);

let sourcesRead = false;

/** Reads each named source once into a table of its name (they were views while validating). */
async function materializeSources(wh: Warehouse, mapping: Mapping, from: string): Promise<void> {
  if (sourcesRead) return;
  sourcesRead = true;
  for (const [name, s] of Object.entries(mapping.sources ?? {})) {
    try {
      await wh.run(sql('drop_source_view', { name: quoteIdent(name) }));
      await wh.run(sql('create_source_table', { name: quoteIdent(name), query: spliceableQuery(s.sql) }));
    } catch (err) {
      throw new UserError(describeSqlError(`sources.${name}.sql`, err, from));
    }
  }
}

/**
 * Rows of a file as ingest's readers count them: CSV records and unreadable lines, non-blank NDJSON lines, Parquet
 * rows.
 */
async function fileRows(wh: Warehouse, f: { path: string; format: SourceFormat }, delimiter: string): Promise<number> {
  if (f.format === 'parquet') return Number(await wh.scalar(sql('parquet_row_count'), { path: f.path }));
  if (f.format === 'ndjson') {
    let n = 0;
    for (const l of ndjsonLines(f.path)) if (l.bytes.toString('utf8').trim() !== '') n++;
    return n;
  }
  const csv = new CsvFile(f.path, delimiter, false);
  try {
    let n = 0;
    if (csv.header()) for (const _ of csv.items()) n++;
    return n;
  } finally {
    csv.close();
  }
}

/** Which expression of the mapping raises on this source's rows (to name it), if one does on its own. */
async function failingExpression(
  wh: Warehouse,
  req: StageRequest,
  mapping: Mapping,
  staged: StagedSource,
  from: string,
): Promise<string | undefined> {
  const tm = mapping.tables[req.table]!;
  for (const [column, m] of Object.entries(tm.columns)) {
    if (m?.expr === undefined) continue;
    const probe = sql('probe_expression', { select: expressionQuery(m.expr, `(${staged.rawSelect})`) });
    try {
      await wh.run(probe, boundParams(probe, staged.params));
    } catch (err) {
      return describeSqlError(`tables.${req.table}.columns.${column}.expr`, err, from, linesBefore(probe, m.expr));
    }
  }
  return undefined;
}

export async function stageInSandbox(
  wh: Warehouse,
  mapping: Mapping,
  from: string,
  outDir: string,
  req: StageRequest,
): Promise<StageResponse> {
  await materializeSources(wh, mapping, from);
  await filesOpened(wh, from);
  const tm = mapping.tables[req.table]!;
  const query = tableQuery(tm);
  let staged: StagedSource;
  try {
    staged = await stageFile(wh, {
      table: req.table,
      batchId: 0,
      path: req.path,
      display: req.display,
      format: req.format,
      mapping: tm,
      unit: req.unit,
    });
  } catch (err) {
    if (err instanceof UserError) throw err;
    if (query !== undefined)
      throw new UserError(
        describeSqlError(tm.sql !== undefined ? `tables.${req.table}.sql` : `sources.${tm.source}.sql`, err, from),
      );
    throw err;
  }
  const out = join(outDir, `${req.table}-${req.unit}.parquet`);
  const copy = sql('copy_to_parquet', { select: staged.select, path: quoteLiteral(out) });
  try {
    await wh.run(copy, boundParams(copy, staged.params));
  } catch (err) {
    const named = await failingExpression(wh, req, mapping, staged, from);
    throw new UserError(named ?? describeSqlError(`tables.${req.table}`, err, from));
  }
  let rejects: string | null = null;
  if (staged.parseRejected > 0) {
    rejects = join(outDir, `${req.table}-${req.unit}-rejects.parquet`);
    await wh.run(sql('copy_rejects', { path: quoteLiteral(rejects) }));
    await wh.run(sql('clear_quarantine'));
  }
  let filtered: number | null = null;
  if (query !== undefined && req.countFiles.length) {
    let sourceRows = 0;
    for (const f of req.countFiles) sourceRows += await fileRows(wh, f, tm.delimiter ?? ',');
    const count = sql('count_relation', { select: staged.rawSelect });
    const returned = Number(await wh.scalar(count, boundParams(count, staged.params)));
    filtered = Math.max(0, sourceRows - returned);
  }
  return {
    staged: out,
    rejects,
    parseRejected: staged.parseRejected,
    filtered,
    filesRead: await filesOpened(wh, from),
  };
}
