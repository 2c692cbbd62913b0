// Appends whole columns to a table in data chunks: one native call per column and chunk instead of one per value.
import { DuckDBDataChunk, type DuckDBType, type DuckDBValue } from '@duckdb/node-api';
import type { Warehouse } from './Warehouse.ts';

export interface AppendColumn {
  type: DuckDBType;
  /** One value per row; null is SQL NULL. */
  values: readonly DuckDBValue[];
}

/** DuckDB's vector size: a data chunk holds at most this many rows. */
const CHUNK_ROWS = 2048;

/**
 * Appends the columns, in the table's column order, to `table` (in `catalog`: 'temp' for a temp table). A row-wise
 * appender makes about a dozen native calls a row, which costs seconds a million rows; this makes one per column and
 * chunk.
 */
export async function appendColumns(
  wh: Warehouse,
  table: string,
  columns: readonly AppendColumn[],
  catalog?: 'temp',
): Promise<void> {
  const rows = columns[0]?.values.length ?? 0;
  const uneven = columns.find((c) => c.values.length !== rows);
  if (uneven) throw new Error(`appendColumns ${table}: columns of ${rows} and ${uneven.values.length} values`);
  const appender = await wh.conn.createAppender(table, null, catalog ?? null);
  const types = columns.map((c) => c.type);
  for (let at = 0; at < rows; at += CHUNK_ROWS) {
    const n = Math.min(CHUNK_ROWS, rows - at);
    const chunk = DuckDBDataChunk.create(types, n);
    columns.forEach((c, i) => chunk.setColumnValues(i, c.values.slice(at, at + n)));
    appender.appendDataChunk(chunk);
  }
  appender.closeSync();
}
