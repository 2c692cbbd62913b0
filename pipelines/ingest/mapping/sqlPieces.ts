// Every piece of SQL a mapping holds, with its key: sources' and tables' queries, and column expressions.

export interface SqlPiece {
  /** The mapping key, e.g. tables.orders.columns.amount.expr. */
  key: string;
  sql: string;
  kind: 'query' | 'expression';
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Read from the raw file content, so the SQL is checked even when other keys fail validation. */
export function sqlPieces(raw: unknown): SqlPiece[] {
  const out: SqlPiece[] = [];
  if (!isObject(raw)) return out;
  if (isObject(raw.sources)) {
    for (const [name, s] of Object.entries(raw.sources)) {
      const sql = typeof s === 'string' ? s : isObject(s) ? s.sql : undefined;
      if (typeof sql === 'string' && sql.trim()) out.push({ key: `sources.${name}.sql`, sql, kind: 'query' });
    }
  }
  if (!isObject(raw.tables)) return out;
  for (const [table, t] of Object.entries(raw.tables)) {
    if (!isObject(t)) continue;
    if (typeof t.sql === 'string' && t.sql.trim()) out.push({ key: `tables.${table}.sql`, sql: t.sql, kind: 'query' });
    if (!isObject(t.columns)) continue;
    for (const [column, c] of Object.entries(t.columns)) {
      if (isObject(c) && typeof c.expr === 'string' && c.expr.trim())
        out.push({ key: `tables.${table}.columns.${column}.expr`, sql: c.expr, kind: 'expression' });
    }
  }
  return out;
}
