// Checks a mapping against the files it will read, inside the sandbox: each query binds (and reads only under --from),
// each column it names exists, each expression binds over the source's columns. Every problem is collected.
import { StatementType } from '@duckdb/node-api';
import { CONTRACTS, type TableName } from '../../../data/contracts/index.ts';
import { quoteIdent } from '../../../data/warehouse/quoteIdent.ts';
import { readSql } from '../../../data/warehouse/readSql.ts';
import type { Warehouse } from '../../../data/warehouse/Warehouse.ts';
import { columnTypes } from '../columnTypes.ts';
import { CsvFile } from '../csvFile.ts';
import { spliceableQuery, tableQuery, type Mapping, type TableMapping } from '../mapping/mappingSchema.ts';
import { describeSqlError, EXPRESSION_PREFIX_LINES, expressionQuery } from '../mapping/sqlError.ts';
import { sourceColumnNames } from '../sourceColumnNames.ts';
import type { SourceFormat } from '../sourceFile.ts';
import { stageMappedNdjson } from '../stageNdjson.ts';
import { dropTableIfExists, rawTables } from '../tempTables.ts';
import type { ValidateRequest, ValidateResponse } from './protocol.ts';
import { filesOpened } from './sandboxDb.ts';

const sql = (name: string, slots?: Record<string, string>) =>
  readSql(new URL(`./sql/${name}.sql`, import.meta.url), slots);

interface Column {
  name: string;
  type: string;
}

/** Defines each named source as a view (problems for those that do not bind). */
export async function defineSourceViews(
  wh: Warehouse,
  mapping: Mapping,
  from: string,
  problems: string[],
  skip: ReadonlySet<string>,
): Promise<void> {
  for (const [name, s] of Object.entries(mapping.sources ?? {})) {
    if (skip.has(`sources.${name}.sql`)) continue;
    try {
      await wh.run(sql('create_source_view', { name: quoteIdent(name), query: spliceableQuery(s.sql) }));
    } catch (err) {
      problems.push(describeSqlError(`sources.${name}.sql`, err, from));
    }
  }
  await filesOpened(wh, from);
}

/** A query's result columns, binding it as DuckDB would run it (which opens the files it reads). */
async function queryColumns(
  wh: Warehouse,
  key: string,
  query: string,
  from: string,
  problems: string[],
): Promise<Column[] | undefined> {
  try {
    const p = await wh.conn.prepare(spliceableQuery(query));
    try {
      if (p.statementType !== StatementType.SELECT) {
        problems.push(`key ${key}: is not a SELECT; a mapping runs one read-only SELECT`);
        return undefined;
      }
      const given = Array.from({ length: p.columnCount }, (_, i) => p.columnName(i));
      const names = sourceColumnNames(given);
      return names.map((name, i) => ({ name, type: p.columnType(i).toString() }));
    } finally {
      p.destroySync();
    }
  } catch (err) {
    problems.push(describeSqlError(key, err, from));
    return undefined;
  }
}

/** A file's own columns as ingest names them (CSV and NDJSON as text, Parquet with its types). */
async function fileColumns(
  wh: Warehouse,
  table: TableName,
  tm: TableMapping,
  f: { path: string; display: string; format: SourceFormat },
): Promise<Column[]> {
  if (f.format === 'csv') {
    const csv = new CsvFile(f.path, tm.delimiter ?? ',', false);
    try {
      return sourceColumnNames(csv.header()?.names ?? []).map((name) => ({ name, type: 'VARCHAR' }));
    } finally {
      csv.close();
    }
  }
  if (f.format === 'parquet') {
    const types = await columnTypes(wh, readSql(new URL('../sql/stage/parquet_columns.sql', import.meta.url)), {
      path: f.path,
    });
    const given = Object.keys(types);
    return sourceColumnNames(given).map((name, i) => ({ name, type: types[given[i]!]! }));
  }
  const t = rawTables(999);
  const raw = await stageMappedNdjson(
    wh,
    { table, batchId: 0, path: f.path, display: f.display, format: 'ndjson', mapping: tm, unit: 999 },
    t,
  );
  await dropTableIfExists(wh, t.raw);
  await wh.run(sql('clear_quarantine'));
  return raw.names.map((name) => ({ name, type: 'VARCHAR' }));
}

/** The mapping's columns and expressions of one table, checked against its source's columns. */
async function checkColumns(
  wh: Warehouse,
  table: TableName,
  tm: TableMapping,
  columns: Column[],
  source: string,
  from: string,
  skip: ReadonlySet<string>,
): Promise<string[]> {
  const problems: string[] = [];
  const have = new Map(columns.map((c) => [c.name.toLowerCase(), c.name]));
  const ddl = columns.length ? columns.map((c) => `${quoteIdent(c.name)} ${c.type}`).join(', ') : '"__none" VARCHAR';
  await wh.run(sql('create_column_sample', { columns: ddl }));
  const missing: string[] = [];
  for (const [name, c] of Object.entries(CONTRACTS[table].columns)) {
    const m = tm.columns[name];
    const key = `tables.${table}.columns.${name}`;
    if (m?.column !== undefined && !have.has(m.column.toLowerCase())) {
      problems.push(
        `key ${key}: ${source} has no column "${m.column}" (it has: ${columns.map((x) => x.name).join(', ') || 'no columns'}); fix the name`,
      );
    } else if (m?.expr !== undefined) {
      if (skip.has(`${key}.expr`)) continue;
      try {
        const p = await wh.conn.prepare(expressionQuery(m.expr, '__trustlens_columns'));
        p.destroySync();
      } catch (err) {
        problems.push(describeSqlError(`${key}.expr`, err, from, EXPRESSION_PREFIX_LINES));
      }
    } else if (!m && !have.has(name) && !c.meta.optional) missing.push(name);
  }
  if (missing.length) {
    problems.push(
      `key tables.${table}.columns: ${source} has no column for required ${missing.join(', ')} (it has: ${columns.map((x) => x.name).join(', ') || 'no columns'}); map ${missing.length > 1 ? 'them' : 'it'} here`,
    );
  }
  return problems;
}

export async function validateInSandbox(
  wh: Warehouse,
  mapping: Mapping,
  from: string,
  req: ValidateRequest,
): Promise<ValidateResponse> {
  const problems: string[] = [];
  const filesRead: ValidateResponse['filesRead'] = {};
  const skip = new Set(req.skip);
  await defineSourceViews(wh, mapping, from, problems, skip);
  for (const { table, files } of req.tables) {
    const tm = mapping.tables[table]!;
    const query = tableQuery(tm);
    let columns: Column[] | undefined;
    let source: string;
    const queryKey = tm.sql !== undefined ? `tables.${table}.sql` : `sources.${tm.source}.sql`;
    if (query !== undefined && skip.has(queryKey)) continue;
    if (query !== undefined) {
      source = tm.sql !== undefined ? `the query of tables.${table}.sql` : `source ${tm.source}`;
      columns = await queryColumns(wh, queryKey, query, from, problems);
      filesRead[table] = await filesOpened(wh, from);
    } else {
      const f = files[0]!;
      source = f.display;
      try {
        columns = await fileColumns(wh, table, tm, f);
      } catch (err) {
        problems.push(
          `key tables.${table}.files: ${f.display} cannot be read (${(err as Error).message.split('\n')[0]}); fix or remove the file`,
        );
      }
      await filesOpened(wh, from);
    }
    if (columns) problems.push(...(await checkColumns(wh, table, tm, columns, source, from, skip)));
  }
  return { problems, filesRead };
}
