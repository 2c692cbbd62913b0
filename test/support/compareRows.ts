// Test helper: two tables of the same rows compared, joined on their key columns, column by column.
import { quoteIdent } from '../../data/warehouse/quoteIdent.ts';
import type { Warehouse } from '../../data/warehouse/Warehouse.ts';

export interface RowComparison {
  /** Rows of each table and rows matched by key. */
  rows: { a: number; b: number; matched: number };
  /** Columns of `a` with the number of matched rows whose values differ (NULL equal to NULL); none: equal. */
  differing: Record<string, number>;
}

export async function compareRows(wh: Warehouse, a: string, b: string, key: readonly string[]): Promise<RowComparison> {
  const using = key.map(quoteIdent).join(', ');
  const join = `${quoteIdent(a)} as a join ${quoteIdent(b)} as b using (${using})`;
  const [counts] = await wh.all<{ a: bigint; b: bigint; matched: bigint }>(
    `select (select count(*) from ${quoteIdent(a)}) as a, (select count(*) from ${quoteIdent(b)}) as b,
            (select count(*) from ${join}) as matched`,
  );
  const columns = await wh.all<{ column_name: string }>(
    'select column_name from duckdb_columns() where table_name = $t order by column_index',
    { t: a },
  );
  const differing: Record<string, number> = {};
  for (const c of columns) {
    if (key.includes(c.column_name)) continue;
    const col = quoteIdent(c.column_name);
    const n = await wh.scalar<bigint>(`select count(*) from ${join} where a.${col} is distinct from b.${col}`);
    if (n > 0n) differing[c.column_name] = Number(n);
  }
  return { rows: { a: Number(counts!.a), b: Number(counts!.b), matched: Number(counts!.matched) }, differing };
}
