// Reads one feature snapshot (history table, one as_of) as typed columns for a model spec, derived columns included.
import { JSDuckDBValueConverter, listValue, type DuckDBValue } from '@duckdb/node-api';
import { chunkDoubles } from '../../data/warehouse/chunkDoubles.ts';
import type { ModelSpec } from '../../models/specs/modelSpec.ts';
import { specColumns } from '../../models/specs/specCatalogue.ts';
import type { Warehouse } from '../../data/warehouse/Warehouse.ts';
import { quoteIdent } from '../../data/warehouse/quoteIdent.ts';

export interface FeatureSnapshot {
  ids: string[];
  columns: Map<string, Float32Array>;
  /** Extra per-row values selected with `extra` (e.g. a group id), as JS values. */
  extra: unknown[][];
}

export function historyTable(spec: ModelSpec): string {
  return `${spec.featureTable}_history`;
}

/** Options of a snapshot read: `join` adds `left join <join> as l using (<id>)`, which must keep one row an id. */
export interface SnapshotReadOptions {
  join?: string;
  /** More expressions over the row (and the joined table), read as JavaScript values into `extra`. */
  extra?: string[];
  /** Yes/no expressions, read natively as 0/1 (a label on every training row without a JavaScript value each). */
  flags?: string[];
  params?: Record<string, DuckDBValue>;
}

/** Where one snapshot's rows land: ids appended, each typed array (spec columns in order, then flags) from `offset`. */
export interface SnapshotTarget {
  ids: string[];
  columns: readonly Float32Array[];
  flags: readonly Uint8Array[];
  offset: number;
}

/** Rows of `<featureTable>_history` at each date (none for a date it lacks): what a read of the date will return. */
export async function snapshotRowCounts(
  wh: Warehouse,
  spec: ModelSpec,
  dates: readonly string[],
): Promise<Map<string, number>> {
  const rows = await wh.all<{ as_of: string; n: bigint }>(
    `select strftime(as_of, '%Y-%m-%d') as as_of, count(*) as n from ${quoteIdent(historyTable(spec))}
     where list_contains($dates::date[], as_of) group by as_of`,
    { dates: listValue([...dates]) },
  );
  const counts = new Map(dates.map((d) => [d, 0]));
  for (const r of rows) counts.set(r.as_of, Number(r.n));
  return counts;
}

/**
 * Streams the rows of `<featureTable>_history` at `asOf`, ordered by id, into `target` a chunk at a time: the doubles
 * DuckDB holds convert natively into the typed columns, with no array a chunk and no copy of the whole snapshot (at 10M
 * orders a training read 16M rows by 60 columns, and the copies and small arrays were a third of its loading and
 * garbage collection). `rows` is the count snapshotRowCounts gave the date: any other number read is an error, and the
 * target's offset moves past them. Returns the `extra` values.
 */
export async function readFeatureSnapshot(
  wh: Warehouse,
  spec: ModelSpec,
  asOf: string,
  target: SnapshotTarget,
  rows: number,
  opts: SnapshotReadOptions = {},
): Promise<unknown[][]> {
  const id = quoteIdent(spec.idColumn);
  const cols = specColumns(spec);
  const select = cols.map((name) => {
    const derived = spec.derived.find((d) => d.name === name);
    // NULL arrives as NaN, so a chunk's doubles copy into the typed column as they are (chunkDoubles).
    return `coalesce((${derived ? derived.sql : `f.${quoteIdent(name)}`})::double, 'NaN'::double) as ${quoteIdent(name)}`;
  });
  const flagSql = (opts.flags ?? []).map((f) => `(case when ${f} then 1 else 0 end)::double`);
  const extraSql = opts.extra ?? [];
  if (target.columns.length !== cols.length || target.flags.length !== flagSql.length) {
    throw new Error(`readFeatureSnapshot: the target has the wrong number of columns or flags for ${spec.name}`);
  }
  const sql =
    `select f.${id} as id, ${[...select, ...flagSql, ...extraSql].join(', ')} from ${quoteIdent(historyTable(spec))} as f` +
    (opts.join ? ` left join ${quoteIdent(opts.join)} as l using (${id})` : '') +
    ` where f.as_of = $as_of::date order by f.${id}`;
  const result = await wh.conn.stream(sql, { ...opts.params, as_of: asOf });
  const extra: unknown[][] = extraSql.map(() => []);
  // the count is of the history table alone: a join that repeats an id is the way to read more
  const miscount = (read: string) =>
    new Error(`${spec.name}: the snapshot at ${asOf} read ${read} the ${rows} rows counted`);
  const end = target.offset + rows;
  let at = target.offset;
  for (let chunk = await result.fetchChunk(); chunk !== null && chunk.rowCount > 0; chunk = await result.fetchChunk()) {
    const n = chunk.rowCount;
    if (at + n > end) throw miscount('more than');
    for (const v of chunk.convertColumnValues(0, JSDuckDBValueConverter)) target.ids.push(v as string);
    // The typed array's set rounds each double to a float as an assignment would.
    target.columns.forEach((col, c) => col.set(chunkDoubles(chunk!, c + 1), at));
    target.flags.forEach((flag, k) => flag.set(chunkDoubles(chunk!, cols.length + 1 + k), at));
    extraSql.forEach((_, k) => {
      for (const v of chunk!.convertColumnValues(cols.length + flagSql.length + 1 + k, JSDuckDBValueConverter)) {
        extra[k]!.push(v);
      }
    });
    at += n;
  }
  if (at !== end) throw miscount(`${at - target.offset} of`);
  target.offset = end;
  return extra;
}

/**
 * Rows of `<featureTable>_history` at `asOf`, ordered by id, as typed columns (readFeatureSnapshot). `join` adds
 * `left join <join.table> as l using (<id>)` and `extra` selects more expressions over it (trusted SQL built by
 * trustlens, values bound through `params`).
 */
export async function loadFeatureColumns(
  wh: Warehouse,
  spec: ModelSpec,
  asOf: string,
  opts: Omit<SnapshotReadOptions, 'flags'> = {},
): Promise<FeatureSnapshot> {
  const cols = specColumns(spec);
  const n = (await snapshotRowCounts(wh, spec, [asOf])).get(asOf)!;
  const target: SnapshotTarget = { ids: [], columns: cols.map(() => new Float32Array(n)), flags: [], offset: 0 };
  const extra = await readFeatureSnapshot(wh, spec, asOf, target, n, opts);
  return { ids: target.ids, columns: new Map(cols.map((name, c) => [name, target.columns[c]!])), extra };
}

/** as_of dates present in a history table (none if the table does not exist yet). */
export async function snapshotDates(wh: Warehouse, table: string): Promise<Set<string>> {
  if (!(await wh.tableExists(table))) return new Set();
  const rows = await wh.all<{ d: string }>(
    `select distinct strftime(as_of, '%Y-%m-%d') as d from ${quoteIdent(table)}`,
  );
  return new Set(rows.map((r) => r.d));
}
