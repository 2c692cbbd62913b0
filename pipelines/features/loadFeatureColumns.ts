// Reads one feature snapshot (history table, one as_of) as typed columns for a model spec, derived columns included.
import { JSDuckDBValueConverter, type DuckDBValue } from '@duckdb/node-api';
import { chunkDoubles } from '../../data/warehouse/chunkDoubles.ts';
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
    // NULL arrives as NaN, so a chunk's doubles copy into the typed column as they are (chunkDoubles).
    return `coalesce((${derived ? derived.sql : `f.${quoteIdent(name)}`})::double, 'NaN'::double) as ${quoteIdent(name)}`;
  });
  const extraSql = opts.extra ?? [];
  const sql =
    `select f.${id} as id, ${[...select, ...extraSql].join(', ')} from ${quoteIdent(historyTable(spec))} as f` +
    (opts.join ? ` left join ${quoteIdent(opts.join)} as l using (${id})` : '') +
    ` where f.as_of = $as_of::date order by f.${id}`;
  // Streamed a chunk at a time into typed columns: the whole result as JavaScript arrays (one number object a value)
  // had taken several times the columns' own memory on a large marketplace.
  const result = await wh.conn.stream(sql, { ...opts.params, as_of: asOf });
  const ids: string[] = [];
  const parts: Float32Array[][] = cols.map(() => []);
  const extra: unknown[][] = extraSql.map(() => []);
  let rows = 0;
  for (let chunk = await result.fetchChunk(); chunk !== null && chunk.rowCount > 0; chunk = await result.fetchChunk()) {
    const n = chunk.rowCount;
    for (const id of chunk.convertColumnValues(0, JSDuckDBValueConverter)) ids.push(id as string);
    cols.forEach((_, c) => {
      // The typed-array constructor converts natively, rounding each double as an assignment would.
      parts[c]!.push(new Float32Array(chunkDoubles(chunk!, c + 1)));
    });
    extraSql.forEach((_, k) => {
      for (const v of chunk!.convertColumnValues(cols.length + 1 + k, JSDuckDBValueConverter)) extra[k]!.push(v);
    });
    rows += n;
  }
  const columns = new Map<string, Float32Array>();
  cols.forEach((name, c) => {
    const out = new Float32Array(rows);
    let at = 0;
    for (const part of parts[c]!) {
      out.set(part, at);
      at += part.length;
    }
    columns.set(name, out);
  });
  return { ids, columns, extra };
}

/** as_of dates present in a history table (none if the table does not exist yet). */
export async function snapshotDates(wh: Warehouse, table: string): Promise<Set<string>> {
  if (!(await wh.tableExists(table))) return new Set();
  const rows = await wh.all<{ d: string }>(
    `select distinct strftime(as_of, '%Y-%m-%d') as d from ${quoteIdent(table)}`,
  );
  return new Set(rows.map((r) => r.d));
}
