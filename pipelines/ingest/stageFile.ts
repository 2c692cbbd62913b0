// Turns one input file into a relation of (__file, __row, __line, contract columns), quarantining records that cannot
// be
// parsed at all. A mapped file is staged in the mapping sandbox (sandbox/), which runs this same code on its own
// database.
import type { TableName } from '../../data/contracts/index.ts';
import type { Warehouse } from '../../data/warehouse/Warehouse.ts';
import { quoteIdent } from '../../data/warehouse/quoteIdent.ts';
import { readSql } from '../../data/warehouse/readSql.ts';
import { positionalColumns, renamedColumns, toPositionalColumns } from './columnLists.ts';
import { columnTypes } from './columnTypes.ts';
import { spliceableQuery, tableQuery, type TableMapping } from './mapping/mappingSchema.ts';
import { projectContract } from './projectContract.ts';
import type { SourceFormat } from './sourceFile.ts';
import { sourceColumnNames } from './sourceColumnNames.ts';
import { stageCsv } from './stageCsv.ts';
import { stageMappedNdjson, stageNdjson } from './stageNdjson.ts';
import { dropTableIfExists, rawTables, type RawTables } from './tempTables.ts';
import type { Sandbox } from './sandbox/Sandbox.ts';

/** Set in the sandbox process (sandboxChild.ts), where mapped files are staged locally. */
export const IN_SANDBOX_ENV = 'TRUSTLENS_MAPPING_SANDBOX';
const IN_SANDBOX = process.env[IN_SANDBOX_ENV] === '1';

export interface StagedSource {
  /** SELECT yielding __file, __row and every contract column. */
  select: string;
  params: Record<string, string | number>;
  /** DuckDB type of each contract column in `select`. */
  types: Record<string, string>;
  /** Records quarantined while parsing (they count as read). */
  parseRejected: number;
  /** The file's own relation before the contract columns are picked (`select` for an unmapped NDJSON file). */
  rawSelect: string;
  /** Rows a mapping's query filtered out of its files (null when not counted). */
  filtered: number | null;
}

export interface StageInput {
  table: TableName;
  batchId: number;
  /** Path given to DuckDB, and the name used in quarantine and messages. */
  path: string;
  display: string;
  format: SourceFormat;
  mapping?: TableMapping;
  /**
   * Index of this file among the table's files: its staging tables are kept apart, so its relation can be read again.
   */
  unit: number;
  /** Where a mapped file is staged (required with a mapping, except inside the sandbox itself). */
  sandbox?: Sandbox;
  /** For a SQL-mapped table: the files matched by its files glob, whose rows its query may filter. */
  countFiles?: { path: string; format: SourceFormat }[];
}

/** The relation of a file's own columns (before mapping), with __file and __row, and the names of those columns. */
export interface RawRelation {
  select: string;
  parseRejected: number;
  /** The file's own column names as given (a header's case, spaces and repeats kept). */
  header: string[];
  /** The same columns' names in `select`: unique (sourceColumnNames). */
  names: string[];
}

/** A mapping's query: its result copied once into the raw table (see stage_sql_mapping.sql). */
async function stageSqlMapping(wh: Warehouse, query: string, t: RawTables): Promise<RawRelation> {
  const raw = quoteIdent(t.raw);
  const given = Object.keys(
    await columnTypes(wh, readSql(new URL('./sql/stage/query_columns.sql', import.meta.url), { query })),
  );
  const names = sourceColumnNames(given);
  await dropTableIfExists(wh, t.raw);
  await wh.run(
    readSql(new URL('./sql/stage/stage_sql_mapping.sql', import.meta.url), {
      raw,
      columns: renamedColumns(given, names),
      query,
    }),
  );
  const select = readSql(new URL('./sql/stage/sql_mapping_rows.sql', import.meta.url), { raw });
  return { select, parseRejected: 0, header: given, names };
}

/** A Parquet file read in place, or copied first when a column of its own is named file_row_number. */
async function stageParquet(wh: Warehouse, inp: StageInput, t: RawTables): Promise<RawRelation> {
  const describe = readSql(new URL('./sql/stage/parquet_columns.sql', import.meta.url));
  const given = Object.keys(await columnTypes(wh, describe, { path: inp.path }));
  const names = sourceColumnNames(given);
  if (!given.some((n) => n.toLowerCase() === 'file_row_number')) {
    return {
      select: readSql(new URL('./sql/stage/parquet_rows.sql', import.meta.url), {
        columns: renamedColumns(given, names),
      }),
      parseRejected: 0,
      header: given,
      names,
    };
  }
  const raw = quoteIdent(t.raw);
  await dropTableIfExists(wh, t.raw);
  await wh.run(
    readSql(new URL('./sql/stage/stage_parquet_copy.sql', import.meta.url), {
      raw,
      columns: toPositionalColumns(given),
    }),
    { path: inp.path },
  );
  return {
    select: readSql(new URL('./sql/stage/parquet_copy_rows.sql', import.meta.url), {
      raw,
      columns: positionalColumns(names),
    }),
    parseRejected: 0,
    header: given,
    names,
  };
}

/** A file read with the contract columns still to be picked: CSV, Parquet, or a mapped NDJSON file. */
async function rawRelation(wh: Warehouse, inp: StageInput, t: RawTables): Promise<RawRelation> {
  switch (inp.format) {
    case 'csv':
      return stageCsv(wh, inp, t);
    case 'parquet':
      return stageParquet(wh, inp, t);
    case 'ndjson':
      return stageMappedNdjson(wh, inp, t);
  }
}

async function stageLocal(wh: Warehouse, inp: StageInput): Promise<StagedSource> {
  const params: Record<string, string | number> = { file: inp.display };
  if (inp.format === 'parquet') params.path = inp.path;
  const t = rawTables(inp.unit);
  const project = (raw: RawRelation) =>
    readSql(new URL('./sql/stage/project_contract.sql', import.meta.url), {
      columns: projectContract(inp, raw, params),
      source: raw.select,
    });
  let staged: { select: string; parseRejected: number; rawSelect: string };
  const query = inp.mapping && tableQuery(inp.mapping);
  if (query) {
    const raw = await stageSqlMapping(wh, spliceableQuery(query), t);
    staged = { select: project(raw), parseRejected: 0, rawSelect: raw.select };
  } else if (inp.format === 'ndjson' && !inp.mapping) {
    const s = await stageNdjson(wh, inp, t);
    staged = { ...s, rawSelect: s.select };
  } else {
    const raw = await rawRelation(wh, inp, t);
    staged = { select: project(raw), parseRejected: raw.parseRejected, rawSelect: raw.select };
  }
  const types = await columnTypes(
    wh,
    readSql(new URL('./sql/stage/relation_columns.sql', import.meta.url), { relation: staged.select }),
    params,
  );
  return { ...staged, params, types, filtered: null };
}

/** A mapped file, staged by the sandbox: its rows and unparsable lines come back as Parquet. */
async function stageMapped(wh: Warehouse, inp: StageInput, sandbox: Sandbox): Promise<StagedSource> {
  const r = await sandbox.stage({
    table: inp.table,
    unit: inp.unit,
    path: inp.path,
    display: inp.display,
    format: inp.format,
    countFiles: inp.countFiles ?? [],
  });
  if (r.rejects) {
    await wh.run(readSql(new URL('./sql/stage/quarantine_sandbox_rejects.sql', import.meta.url)), {
      batch: inp.batchId,
      table: inp.table,
      file: inp.display,
      rejects: r.rejects,
    });
  }
  const params = { staged: r.staged };
  const select = readSql(new URL('./sql/stage/sandbox_rows.sql', import.meta.url));
  const types = await columnTypes(
    wh,
    readSql(new URL('./sql/stage/relation_columns.sql', import.meta.url), { relation: select }),
    params,
  );
  return { select, params, types, parseRejected: r.parseRejected, rawSelect: select, filtered: r.filtered };
}

export async function stageFile(wh: Warehouse, inp: StageInput): Promise<StagedSource> {
  if (inp.mapping) {
    if (inp.sandbox) return stageMapped(wh, inp, inp.sandbox);
    // Only the sandbox process itself stages a mapped file without a sandbox: it runs no warehouse.
    if (!IN_SANDBOX) throw new Error('a mapped file is staged in the mapping sandbox; none was given');
  }
  return stageLocal(wh, inp);
}
