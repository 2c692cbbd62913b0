// Drops every temp table and view of the connection: a stage's scratch, which the next stage never reads.
import type { Warehouse } from './Warehouse.ts';
import { quoteIdent } from './quoteIdent.ts';
import { readSql } from './readSql.ts';

/**
 * Drops the connection's temp tables and views and returns their names. DuckDB keeps a temp table in memory until it is
 * dropped or the connection closes: the simulator's (about 1.1 GB at 10M orders) otherwise stayed through the report
 * and export stages and made their peak memory the run's.
 */
export async function dropTempTables(wh: Warehouse): Promise<string[]> {
  const relations = await wh.all<{ name: string; kind: 'view' | 'table' }>(
    readSql(new URL('./sql/temp_relations.sql', import.meta.url)),
  );
  for (const r of relations) await wh.run(`drop ${r.kind} if exists temp.main.${quoteIdent(r.name)}`);
  return relations.map((r) => r.name);
}
