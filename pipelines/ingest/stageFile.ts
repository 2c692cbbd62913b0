// Turns one input file into a relation of (__file, __row, contract columns), quarantining records that cannot be parsed at all.
import type { TableName } from '../../data/contracts/index.ts';
import type { Warehouse } from '../../data/warehouse/Warehouse.ts';
import { quoteIdent } from '../../data/warehouse/quoteIdent.ts';
import { readSql } from '../../data/warehouse/readSql.ts';
import { columnTypes } from './columnTypes.ts';
import type { TableMapping } from './mapping/mappingSchema.ts';
import { projectContract } from './projectContract.ts';
import type { SourceFormat } from './sourceFile.ts';
import { stageCsv } from './stageCsv.ts';
import { stageMappedNdjson, stageNdjson } from './stageNdjson.ts';
import { dropTableIfExists, rawTables, type RawTables } from './tempTables.ts';

export interface StagedSource {
  /** SELECT yielding __file, __row and every contract column. */
  select: string;
  params: Record<string, string | number>;
  /** DuckDB type of each contract column in `select`. */
  types: Record<string, string>;
  /** Records quarantined while parsing (they count as read). */
  parseRejected: number;
}

export interface StageInput {
  table: TableName;
  batchId: number;
  /** Path given to DuckDB, and the name used in quarantine and messages. */
  path: string;
  display: string;
  format: SourceFormat;
  mapping?: TableMapping;
  /** Index of this file among the table's files: its staging tables are kept apart, so its relation can be read again. */
  unit: number;
}

/** The relation of a file's own columns (before mapping), with __file and __row, and the names of those columns. */
export interface RawRelation {
  select: string;
  parseRejected: number;
  names: string[];
}

/** A mapping's SQL source: its result copied once into the raw table (see stage_sql_mapping.sql). */
async function stageSqlMapping(wh: Warehouse, mappingSql: string, t: RawTables): Promise<RawRelation> {
  const raw = quoteIdent(t.raw);
  await dropTableIfExists(wh, t.raw);
  await wh.run(readSql(new URL('./sql/stage/stage_sql_mapping.sql', import.meta.url), { raw, mapping_sql: mappingSql }));
  const select = readSql(new URL('./sql/stage/sql_mapping_rows.sql', import.meta.url), { raw });
  const names = Object.keys(await columnTypes(wh, readSql(new URL('./sql/stage/sql_mapping_columns.sql', import.meta.url), { raw })));
  return { select, parseRejected: 0, names };
}

/** A file read with the contract columns still to be picked: CSV, Parquet, or a mapped NDJSON file. */
async function rawRelation(wh: Warehouse, inp: StageInput, t: RawTables): Promise<RawRelation> {
  switch (inp.format) {
    case 'csv':
      return stageCsv(wh, inp, t);
    case 'parquet': {
      const select = readSql(new URL('./sql/stage/parquet_rows.sql', import.meta.url));
      const describe = readSql(new URL('./sql/stage/parquet_columns.sql', import.meta.url));
      return { select, parseRejected: 0, names: Object.keys(await columnTypes(wh, describe, { path: inp.path, file: inp.display })) };
    }
    case 'ndjson':
      return stageMappedNdjson(wh, inp, t);
  }
}

export async function stageFile(wh: Warehouse, inp: StageInput): Promise<StagedSource> {
  const params: Record<string, string | number> = { file: inp.display };
  if (inp.format === 'parquet') params.path = inp.path;
  const t = rawTables(inp.unit);
  const project = (raw: RawRelation) =>
    readSql(new URL('./sql/stage/project_contract.sql', import.meta.url), { columns: projectContract(inp, raw.names, params), source: raw.select });
  let staged: { select: string; parseRejected: number };
  if (inp.mapping?.sql) {
    const raw = await stageSqlMapping(wh, inp.mapping.sql, t);
    staged = { select: project(raw), parseRejected: 0 };
  } else if (inp.format === 'ndjson' && !inp.mapping) {
    staged = await stageNdjson(wh, inp, t);
  } else {
    const raw = await rawRelation(wh, inp, t);
    staged = { select: project(raw), parseRejected: raw.parseRejected };
  }
  const types = await columnTypes(wh, readSql(new URL('./sql/stage/relation_columns.sql', import.meta.url), { relation: staged.select }), params);
  return { select: staged.select, params, types, parseRejected: staged.parseRejected };
}
