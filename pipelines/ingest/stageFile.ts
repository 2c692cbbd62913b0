// Turns one input file into a relation of (__file, __row, contract columns), quarantining records that cannot be parsed at all.
import { CONTRACTS, type TableName } from '../../data/contracts/index.ts';
import { UserError } from '../../data/validation/errors.ts';
import type { Warehouse } from '../../data/warehouse/Warehouse.ts';
import { quoteIdent, quoteLiteral } from '../../data/warehouse/quoteIdent.ts';
import type { ColumnMapping, TableMapping } from './mapping/mappingSchema.ts';
import { readCsvHeader } from './readCsvHeader.ts';
import { RULES } from './ruleText.ts';
import { usedParams } from './usedParams.ts';
import type { SourceFormat } from './sourceFile.ts';

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

/** Whether an NDJSON raw line holds a JSON object (anything else is quarantined). */
const JSON_OBJECT_LINE = `coalesce(json_type(case when json_valid(line) then line end) = 'OBJECT', false)`;

/** Names of one file's staging tables and the SQL that refers to them. */
interface RawNames {
  table: string;
  offsets: string;
  /** 1-based record number in the raw table: rowids inside a transaction start at a large offset but stay in insertion order. */
  rowNo: string;
  validJsonLines: string;
}

/** Row number column of a copied SQL mapping result, named so no query column collides with it. */
const SQL_ROW = '__trustlens_row';

function rawNames(unit: number): RawNames {
  const table = `ingest_raw_${unit}`;
  return {
    table,
    offsets: `ingest_reject_offsets_${unit}`,
    rowNo: `(rowid - (select min(rowid) from ${table}) + 1)`,
    validJsonLines: `from ${table} where trim(line) <> '' and ${JSON_OBJECT_LINE}`,
  };
}

/** Every staging table stageFile may create for `units` files, for dropping them when the table is done. */
export function stagingTables(units: number): string[] {
  const names = ['ingest_rejects', 'ingest_reject_scans', 'ingest_raw_json'];
  for (let u = 0; u < units; u++) names.push(rawNames(u).table, rawNames(u).offsets);
  return names;
}
const JSON_DELIM = '\u001f';

async function columnTypes(
  wh: Warehouse,
  select: string,
  params: Record<string, string | number>,
): Promise<Record<string, string>> {
  const rows = await wh.all<{ column_name: string; column_type: string }>(
    `describe ${select}`,
    usedParams(select, params),
  );
  return Object.fromEntries(rows.map((r) => [r.column_name, r.column_type]));
}

/** Reads a CSV file as text into its raw table; records DuckDB cannot parse go to quarantine. */
async function stageCsv(wh: Warehouse, inp: StageInput, r: RawNames, delimiter: string): Promise<number> {
  const header = readCsvHeader(inp.path, inp.display, delimiter);
  const columns = `{${header.map((h) => `${quoteLiteral(h)}: 'VARCHAR'`).join(', ')}}`;
  await wh.run(
    `drop table if exists ingest_rejects; drop table if exists ingest_reject_scans; drop table if exists ${r.offsets}; drop table if exists ${r.table}`,
  );
  await wh.run(
    `create temp table ${r.table} as select * from read_csv($path, columns = ${columns}, auto_detect = false, header = true, ` +
      `delim = ${quoteLiteral(delimiter)}, quote = '"', escape = '"', allow_quoted_nulls = false, max_line_size = 16000000, ` +
      `store_rejects = true, rejects_table = 'ingest_rejects', rejects_scan = 'ingest_reject_scans')`,
    { path: inp.path },
  );
  // DuckDB's reject `line` counts records with the header as 1, so the data row is line - 1.
  const rejected = await insertParseRejects(
    wh,
    inp,
    `select line - 1 as __row, first(csv_line order by column_idx) as value, first(error_message order by column_idx) as detail from ingest_rejects group by line`,
    `$rulePrefix || detail`,
    { rulePrefix: RULES.csvUnparseable('') },
  );
  if (rejected > 0) {
    // Parsed records skip the rejected ones; good_before = parsed records before each reject, to renumber them.
    await wh.run(
      `create temp table ${r.offsets} as select line - 1 - row_number() over (order by line) as good_before from (select distinct line from ingest_rejects)`,
    );
  }
  return rejected;
}

/** Data row number of a parsed CSV record: its parsed index plus the rejected records before it. */
const csvRowNoAfterRejects = (r: RawNames) => `(__k + (select count(*) from ${r.offsets} o where o.good_before < __k))`;

/** Reads NDJSON as lines into its raw table (line numbers from rowid); lines that are not JSON objects go to quarantine. */
async function stageNdjsonLines(wh: Warehouse, inp: StageInput, r: RawNames): Promise<number> {
  await wh.run(`drop table if exists ${r.table}`);
  await wh.run(
    `create temp table ${r.table} as select rtrim(line, chr(13)) as line from read_csv($path, columns = {'line': 'VARCHAR'}, ` +
      `auto_detect = false, header = false, delim = ${quoteLiteral(JSON_DELIM)}, quote = '', escape = '', new_line = '\\n', ` +
      `strict_mode = false, max_line_size = 16000000)`,
    { path: inp.path },
  );
  return insertParseRejects(
    wh,
    inp,
    `select ${r.rowNo} as __row, line as value from ${r.table} where trim(line) <> '' and not ${JSON_OBJECT_LINE}`,
    `$rule`,
    { rule: RULES.notJsonObject },
  );
}

async function insertParseRejects(
  wh: Warehouse,
  inp: StageInput,
  rejectsSql: string,
  ruleSql: string,
  params: Record<string, string>,
): Promise<number> {
  const n = Number(await wh.scalar(`select count(*) from (${rejectsSql})`));
  if (n > 0) {
    await wh.run(
      `insert into quarantine select $batch, $table, $file, __row, NULL, value, ${ruleSql} from (${rejectsSql})`,
      { batch: inp.batchId, table: inp.table, file: inp.display, ...params },
    );
  }
  return n;
}

/** The relation of a file's own columns (before mapping), with __file and __row. */
async function rawRelation(
  wh: Warehouse,
  inp: StageInput,
  r: RawNames,
): Promise<{ select: string; parseRejected: number; names: string[] }> {
  const base = { path: inp.path, file: inp.display };
  switch (inp.format) {
    case 'csv': {
      const parseRejected = await stageCsv(wh, inp, r, inp.mapping?.delimiter ?? ',');
      const rowNo = parseRejected > 0 ? csvRowNoAfterRejects(r) : '__k';
      const select = `select $file as __file, ${rowNo} as __row, * exclude (__k) from (select ${r.rowNo} as __k, * from ${r.table})`;
      return { select, parseRejected, names: Object.keys(await columnTypes(wh, `select * from ${r.table}`, {})) };
    }
    case 'parquet': {
      const select = `select $file as __file, file_row_number + 1 as __row, * exclude (file_row_number) from read_parquet($path, file_row_number = true)`;
      return {
        select,
        parseRejected: 0,
        names: Object.keys(await columnTypes(wh, `select * from read_parquet($path)`, base)),
      };
    }
    case 'ndjson': {
      const parseRejected = await stageNdjsonLines(wh, inp, r);
      if (inp.mapping) {
        // A mapped NDJSON file's keys are unknown in advance: let DuckDB type the valid lines.
        await wh.run(`drop table if exists ingest_raw_json`);
        await wh.run(
          `create temp table ingest_raw_json as select ${r.rowNo} as __row, line::JSON as j ${r.validJsonLines}`,
        );
        const keys = await wh.all<{ k: string }>(
          `select distinct unnest(json_keys(j)) as k from ingest_raw_json order by k`,
        );
        const names = keys.map((r) => r.k);
        const cols = names.map(
          (k) => `json_extract_string(j, ${quoteLiteral(`$."${k.replaceAll('"', '\\"')}"`)}) as ${quoteIdent(k)}`,
        );
        await wh.run(`drop table if exists ${r.table}`);
        await wh.run(
          `create temp table ${r.table} as select __row${cols.length ? ', ' + cols.join(', ') : ''} from ingest_raw_json`,
        );
        await wh.run(`drop table ingest_raw_json`);
        return { select: `select $file as __file, * from ${r.table}`, parseRejected, names };
      }
      return { select: '', parseRejected, names: [] };
    }
  }
}

function mappedExpr(m: ColumnMapping, params: Record<string, string | number>, key: string): string {
  let e = m.column !== undefined ? quoteIdent(m.column) : `(${m.expr})`;
  const entries = Object.entries(m.values ?? {});
  if (entries.length) {
    const whens = entries.map(([from, to], i) => {
      params[`${key}_f${i}`] = from;
      params[`${key}_t${i}`] = to;
      return `when cast(${e} as VARCHAR) = $${key}_f${i} then $${key}_t${i}`;
    });
    e = `case ${whens.join(' ')} else cast(${e} as VARCHAR) end`;
  }
  return e;
}

/** Picks each contract column from the raw relation: mapped column/expression, same-named column, or NULL if optional. */
function projectContract(inp: StageInput, rawNames: string[], params: Record<string, string | number>): string {
  const have = new Set(rawNames);
  const missing: string[] = [];
  const cols = Object.entries(CONTRACTS[inp.table].columns).map(([name, c], i) => {
    const m = inp.mapping?.columns[name];
    if (m) return `${mappedExpr(m, params, `m${i}`)} as ${quoteIdent(name)}`;
    if (have.has(name)) return `${quoteIdent(name)}`;
    if (!c.meta.optional) missing.push(name);
    return `cast(NULL as VARCHAR) as ${quoteIdent(name)}`;
  });
  if (missing.length) {
    const how = inp.mapping
      ? `map ${missing.length > 1 ? 'them' : 'it'} under tables.${inp.table}.columns in the mapping file`
      : 'add it or load the file with --mapping';
    throw new UserError(
      `${inp.display}: missing required column${missing.length > 1 ? 's' : ''} ${missing.join(', ')} for ${inp.table} ` +
        `(file has: ${rawNames.join(', ') || 'no columns'}); ${how}`,
    );
  }
  return cols.join(', ');
}

export async function stageFile(wh: Warehouse, inp: StageInput): Promise<StagedSource> {
  const params: Record<string, string | number> = { file: inp.display };
  if (inp.format === 'parquet') params.path = inp.path;
  const r = rawNames(inp.unit);
  let from: string;
  let parseRejected: number;
  if (inp.mapping?.sql) {
    // Numbered while copied, once: a query result has no order of its own, and the copy is read again later. Not by
    // rowid, which a query column named rowid would shadow.
    await wh.run(`drop table if exists ${r.table}`);
    await wh.run(
      `create temp table ${r.table} as select row_number() over () as ${SQL_ROW}, * from (${inp.mapping.sql})`,
    );
    from = `select $file as __file, ${SQL_ROW} as __row, * exclude (${SQL_ROW}) from ${r.table}`;
    parseRejected = 0;
    const names = Object.keys(await columnTypes(wh, `select * exclude (${SQL_ROW}) from ${r.table}`, {}));
    from = `select __file, __row, ${projectContract(inp, names, params)} from (${from})`;
  } else if (inp.format === 'ndjson' && !inp.mapping) {
    parseRejected = await stageNdjsonLines(wh, inp, r);
    const names = Object.keys(CONTRACTS[inp.table].columns);
    const paths = names.map((k) => quoteLiteral(`$."${k}"`)).join(', ');
    from =
      `select __file, __row, ${names.map((k, i) => `v[${i + 1}] as ${quoteIdent(k)}`).join(', ')} from ` +
      `(select $file as __file, ${r.rowNo} as __row, json_extract_string(line, [${paths}]) as v ${r.validJsonLines})`;
  } else {
    const raw = await rawRelation(wh, inp, r);
    parseRejected = raw.parseRejected;
    from = `select __file, __row, ${projectContract(inp, raw.names, params)} from (${raw.select})`;
  }
  const types = await columnTypes(wh, `select * from (${from})`, params);
  return { select: from, params, types, parseRejected };
}
