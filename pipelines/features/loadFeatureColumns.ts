// Reads one feature snapshot (history table, one as_of) as typed columns for a model spec, derived columns included.
import type { DuckDBValue } from '@duckdb/node-api';
import type { ModelSpec } from '../../models/specs/modelSpec.ts';
import { specColumns } from '../../models/specs/specCatalogue.ts';
import type { Warehouse } from '../../data/warehouse/Warehouse.ts';
import { quoteIdent } from '../../data/warehouse/quoteIdent.ts';

export interface FeatureSnapshot {
  ids: string[];
  columns: Map<string, Float32Array>;
  /** Extra per-row values selected with `extra` (e.g. the label), as JS values. */
  extra: unknown[][];
}

export function historyTable(spec: ModelSpec): string {
  return `${spec.featureTable}_history`;
}

/**
 * Rows of `<featureTable>_history` at `asOf`, ordered by id. `join` adds `left join <join.table> as l using (<id>)`
 * and `extra` selects more expressions over it (trusted SQL built by trustlens, values bound through `params`).
 */
export async function loadFeatureColumns(
  wh: Warehouse,
  spec: ModelSpec,
  asOf: string,
  opts: { join?: string; extra?: string[]; params?: Record<string, DuckDBValue> } = {},
): Promise<FeatureSnapshot> {
  const id = quoteIdent(spec.idColumn);
  const cols = specColumns(spec);
  const select = cols.map((name) => {
    const derived = spec.derived.find((d) => d.name === name);
    return `(${derived ? derived.sql : `f.${quoteIdent(name)}`})::double as ${quoteIdent(name)}`;
  });
  const extraSql = opts.extra ?? [];
  const sql =
    `select f.${id} as id, ${[...select, ...extraSql].join(', ')} from ${quoteIdent(historyTable(spec))} as f` +
    (opts.join ? ` left join ${quoteIdent(opts.join)} as l using (${id})` : '') +
    ` where f.as_of = $as_of::date order by f.${id}`;
  const reader = await wh.conn.runAndReadAll(sql, { ...opts.params, as_of: asOf });
  const values = reader.getColumnsJS();
  const columns = new Map<string, Float32Array>();
  cols.forEach((name, c) => {
    // A snapshot with no rows (a week before the data starts) reads as empty columns.
    const v = values[c + 1] ?? [];
    const out = new Float32Array(v.length);
    for (let i = 0; i < v.length; i++) out[i] = v[i] === null ? NaN : (v[i] as number);
    columns.set(name, out);
  });
  const extra = opts.extra ?? [];
  return {
    ids: (values[0] ?? []) as string[],
    columns,
    extra: extra.map((_, i) => (values[cols.length + 1 + i] ?? []) as unknown[]),
  };
}

/** as_of dates present in a history table (none if the table does not exist yet). */
export async function snapshotDates(wh: Warehouse, table: string): Promise<Set<string>> {
  if (!(await wh.tableExists(table))) return new Set();
  const rows = await wh.all<{ d: string }>(
    `select distinct strftime(as_of, '%Y-%m-%d') as d from ${quoteIdent(table)}`,
  );
  return new Set(rows.map((r) => r.d));
}
