// Turns one input file into a relation of (__file, __row, contract columns), quarantining records that cannot be parsed at all.
import { CONTRACTS, type TableName } from '../../data/contracts/index.ts';
import { UserError } from '../cli/errors.ts';
import type { Warehouse } from '../warehouse/Warehouse.ts';
import { quoteIdent, quoteLiteral } from '../warehouse/quoteIdent.ts';
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
}

const RAW = 'ingest_raw';
/** 1-based record number in ingest_raw: rowids inside a transaction start at a large offset but stay in insertion order. */
const ROW_NO = `(rowid - (select min(rowid) from ${RAW}) + 1)`;
const JSON_DELIM = '\u001f';

async function columnTypes(wh: Warehouse, select: string, params: Record<string, string | number>): Promise<Record<string, string>> {
  const rows = await wh.all<{ column_name: string; column_type: string }>(`describe ${select}`, usedParams(select, params));
  return Object.fromEntries(rows.map((r) => [r.column_name, r.column_type]));
}

/** Reads a CSV file as text into ingest_raw; records DuckDB cannot parse go to quarantine. */
async function stageCsv(wh: Warehouse, inp: StageInput, delimiter: string): Promise<number> {
  const header = readCsvHeader(inp.path, inp.display, delimiter);
  const columns = `{${header.map((h) => `${quoteLiteral(h)}: 'VARCHAR'`).join(', ')}}`;
  await wh.run(
    `drop table if exists ingest_rejects; drop table if exists ingest_reject_scans; drop table if exists ingest_reject_offsets; drop table if exists ${RAW}`,
  );
  await wh.run(
    `create temp table ${RAW} as select * from read_csv($path, columns = ${columns}, auto_detect = false, header = true, ` +
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
      `create temp table ingest_reject_offsets as select line - 1 - row_number() over (order by line) as good_before from (select distinct line from ingest_rejects)`,
    );
  }
  return rejected;
}

/** Data row number of a parsed CSV record: its parsed index plus the rejected records before it. */
const CSV_ROW_NO_AFTER_REJECTS = `(__k + (select count(*) from ingest_reject_offsets o where o.good_before < __k))`;

/** Reads NDJSON as lines into ingest_raw (line numbers from rowid); lines that are not JSON objects go to quarantine. */
async function stageNdjsonLines(wh: Warehouse, inp: StageInput): Promise<number> {
  await wh.run(`drop table if exists ${RAW}`);
  await wh.run(
    `create temp table ${RAW} as select rtrim(line, chr(13)) as line from read_csv($path, columns = {'line': 'VARCHAR'}, ` +
      `auto_detect = false, header = false, delim = ${quoteLiteral(JSON_DELIM)}, quote = '', escape = '', new_line = '\\n', ` +
      `strict_mode = false, max_line_size = 16000000)`,
    { path: inp.path },
  );
  return insertParseRejects(
    wh,
    inp,
    `select ${ROW_NO} as __row, line as value from ${RAW} where trim(line) <> '' and not coalesce(json_type(case when json_valid(line) then line end) = 'OBJECT', false)`,
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

const VALID_JSON_LINES = `from ${RAW} where trim(line) <> '' and coalesce(json_type(case when json_valid(line) then line end) = 'OBJECT', false)`;

/** The relation of a file's own columns (before mapping), with __file and __row. */
async function rawRelation(wh: Warehouse, inp: StageInput): Promise<{ select: string; parseRejected: number; names: string[] }> {
  const base = { path: inp.path, file: inp.display };
  switch (inp.format) {
    case 'csv': {
      const parseRejected = await stageCsv(wh, inp, inp.mapping?.delimiter ?? ',');
      const rowNo = parseRejected > 0 ? CSV_ROW_NO_AFTER_REJECTS : '__k';
      const select = `select $file as __file, ${rowNo} as __row, * exclude (__k) from (select ${ROW_NO} as __k, * from ${RAW})`;
      return { select, parseRejected, names: Object.keys(await columnTypes(wh, `select * from ${RAW}`, {})) };
    }
    case 'parquet': {
      const select = `select $file as __file, file_row_number + 1 as __row, * exclude (file_row_number) from read_parquet($path, file_row_number = true)`;
      return { select, parseRejected: 0, names: Object.keys(await columnTypes(wh, `select * from read_parquet($path)`, base)) };
    }
    case 'ndjson': {
      const parseRejected = await stageNdjsonLines(wh, inp);
      if (inp.mapping) {
        // A mapped NDJSON file's keys are unknown in advance: let DuckDB type the valid lines.
        await wh.run(`create temp table ingest_raw_json as select ${ROW_NO} as __row, line::JSON as j ${VALID_JSON_LINES}`);
        const keys = await wh.all<{ k: string }>(`select distinct unnest(json_keys(j)) as k from ingest_raw_json order by k`);
        const names = keys.map((r) => r.k);
        const cols = names.map((k) => `json_extract_string(j, ${quoteLiteral(`$."${k.replaceAll('"', '\\"')}"`)}) as ${quoteIdent(k)}`);
        await wh.run(`drop table if exists ${RAW}`);
        await wh.run(`create temp table ${RAW} as select __row${cols.length ? ', ' + cols.join(', ') : ''} from ingest_raw_json`);
        await wh.run(`drop table ingest_raw_json`);
        return { select: `select $file as __file, * from ${RAW}`, parseRejected, names };
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
    const how = inp.mapping ? `map ${missing.length > 1 ? 'them' : 'it'} under tables.${inp.table}.columns in the mapping file` : 'add it or load the file with --mapping';
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
  let from: string;
  let parseRejected: number;
  if (inp.mapping?.sql) {
    from = `select $file as __file, row_number() over () as __row, * from (${inp.mapping.sql})`;
    parseRejected = 0;
    const names = Object.keys(await columnTypes(wh, `select * from (${inp.mapping.sql})`, {}));
    from = `select __file, __row, ${projectContract(inp, names, params)} from (${from})`;
  } else if (inp.format === 'ndjson' && !inp.mapping) {
    parseRejected = await stageNdjsonLines(wh, inp);
    const names = Object.keys(CONTRACTS[inp.table].columns);
    const paths = names.map((k) => quoteLiteral(`$."${k}"`)).join(', ');
    from =
      `select __file, __row, ${names.map((k, i) => `v[${i + 1}] as ${quoteIdent(k)}`).join(', ')} from ` +
      `(select $file as __file, ${ROW_NO} as __row, json_extract_string(line, [${paths}]) as v ${VALID_JSON_LINES})`;
  } else {
    const raw = await rawRelation(wh, inp);
    parseRejected = raw.parseRejected;
    from = `select __file, __row, ${projectContract(inp, raw.names, params)} from (${raw.select})`;
  }
  const types = await columnTypes(wh, `select * from (${from})`, params);
  return { select: from, params, types, parseRejected };
}
