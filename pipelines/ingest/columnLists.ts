// The comma lists ingest's queries slot in that are generated per column (of a contract, or of a source file's header
// or keys).
import { CONTRACTS, rowKeyColumns, type TableName } from '../../data/contracts/index.ts';
import { quoteIdent as q, quoteLiteral } from '../../data/warehouse/quoteIdent.ts';

/** Column list "name TYPE [NOT NULL]" of a contract table; no PRIMARY KEY, ingest enforces keys itself (faster). */
export function contractColumnsDdl(table: TableName, withNotNull = true): string {
  return Object.entries(CONTRACTS[table].columns)
    .map(([name, c]) => `${q(name)} ${c.meta.duckType}${withNotNull && !c.meta.optional ? ' NOT NULL' : ''}`)
    .join(', ');
}

/**
 * The row key and foreign-key columns of a table (and the dates that decide a missing parent, the columns checked
 * against the parent): the contract columns ingest_chk keeps.
 */
export function keyColumns(table: TableName): string[] {
  const c = CONTRACTS[table];
  return [
    ...new Set([
      ...rowKeyColumns(table),
      ...c.foreignKeys.flatMap((f) => [
        f.column,
        ...(f.missing ? [f.missing.dateColumn] : []),
        ...(f.parentRules ?? []).map((r) => r.column),
      ]),
    ]),
  ];
}

/** keyColumns as column definitions "name TYPE" (nullable: rows with a missing key are staged too). */
export function keyColumnsDdl(table: TableName): string {
  return keyColumns(table)
    .map((k) => `${q(k)} ${CONTRACTS[table].columns[k]!.meta.duckType}`)
    .join(', ');
}

/** keyColumns as a select list. */
export function keyColumnList(table: TableName): string {
  return keyColumns(table).map(q).join(', ');
}

/** Every contract column of a table, qualified by a relation alias: "c.a, c.b, ...". */
export function contractColumnList(table: TableName, alias: string): string {
  return Object.keys(CONTRACTS[table].columns)
    .map((k) => `${alias}.${q(k)}`)
    .join(', ');
}

/** "a has the same content as b" over every contract column, nulls equal. */
export function sameContent(table: TableName, a: string, b: string): string {
  return Object.keys(CONTRACTS[table].columns)
    .map((k) => `${a}.${q(k)} is not distinct from ${b}.${q(k)}`)
    .join(' and ');
}

/** A file's own columns by position in its raw table: c0, c1, … (no header name can then shadow rowid). */
function positional(i: number): string {
  return `c${i}`;
}

/** read_csv's `columns` struct for `n` columns read as text under positional names. */
export function positionalTextColumns(n: number): string {
  return `{${Array.from({ length: n }, (_, i) => `${quoteLiteral(positional(i))}: 'VARCHAR'`).join(', ')}}`;
}

/** Column definitions of `n` text columns under positional names. */
export function positionalTextColumnsDdl(n: number): string {
  return Array.from({ length: n }, (_, i) => `${q(positional(i))} VARCHAR`).join(', ');
}

/** The positional columns renamed to the file's own column names (sourceColumnNames.ts). */
export function positionalColumns(names: readonly string[]): string {
  return names.map((name, i) => `${q(positional(i))} as ${q(name)}`).join(', ');
}

/** The JSON paths of a table's contract columns, for one json_extract_string over a whole line. */
export function contractJsonPaths(table: TableName): string {
  return Object.keys(CONTRACTS[table].columns)
    .map((k) => quoteLiteral(`$."${k}"`))
    .join(', ');
}

/** The contract columns out of the list json_extract_string returned for contractJsonPaths (`v`). */
export function contractColumnsFromList(table: TableName, list: string): string {
  return Object.keys(CONTRACTS[table].columns)
    .map((k, i) => `${list}[${i + 1}] as ${q(k)}`)
    .join(', ');
}

/**
 * The columns of a mapped NDJSON file's raw table: __row, then one text column per JSON key found in the file, named
 * as `names` (the keys made unique, sourceColumnNames.ts).
 */
export function jsonKeyColumns(keys: readonly string[], names: readonly string[]): string {
  const cols = keys.map(
    (k, i) => `json_extract_string(j, ${quoteLiteral(`$."${k.replaceAll('"', '\\"')}"`)}) as ${q(names[i]!)}`,
  );
  return ['__row', ...cols].join(', ');
}

/** A file's own columns selected under the names ingest gives them: `"given" as "name"`. */
export function renamedColumns(given: readonly string[], names: readonly string[]): string {
  return given.map((g, i) => `${q(g)} as ${q(names[i]!)}`).join(', ');
}

/** A file's own columns selected under positional names: `"given" as c0`, …. */
export function toPositionalColumns(given: readonly string[]): string {
  return given.map((g, i) => `${q(g)} as ${q(positional(i))}`).join(', ');
}
