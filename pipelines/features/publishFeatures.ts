// Swaps freshly built feature tables in and upserts their as_of rows into the history tables, all in one transaction.
import type { Warehouse } from '../../data/warehouse/Warehouse.ts';
import { quoteIdent } from '../../data/warehouse/quoteIdent.ts';
import type { FeatureModel } from './featureModels.ts';

async function columnTypes(wh: Warehouse, table: string): Promise<Map<string, string>> {
  const rows = await wh.all<{ column_name: string; column_type: string }>(`describe ${quoteIdent(table)}`);
  return new Map(rows.map((r) => [r.column_name, r.column_type]));
}

/** Creates the history table, or adds columns the catalogue gained since it was created (old rows read NULL there). */
async function ensureHistory(wh: Warehouse, build: string, history: string): Promise<void> {
  if (!(await wh.tableExists(history))) {
    await wh.run(`create table ${quoteIdent(history)} as select * from ${quoteIdent(build)} limit 0`);
    return;
  }
  const have = await columnTypes(wh, history);
  for (const [name, type] of await columnTypes(wh, build)) {
    if (!have.has(name)) await wh.run(`alter table ${quoteIdent(history)} add column ${quoteIdent(name)} ${type}`);
  }
}

/**
 * Publishes the build tables: replaces the current tables (when `writeCurrent`) and replaces this as_of's rows in
 * history. Either everything lands or nothing does, so a failed week leaves last week's outputs readable.
 */
export async function publishFeatures(
  wh: Warehouse,
  asOf: string,
  models: readonly FeatureModel[],
  writeCurrent: boolean,
): Promise<void> {
  await wh.transaction(async () => {
    for (const m of models) {
      const build = quoteIdent(m.name);
      if (m.current && writeCurrent) {
        await wh.run(`create or replace table ${quoteIdent(m.table)} as select * from ${build}`);
      }
      await ensureHistory(wh, m.name, m.history);
      await wh.run(`delete from ${quoteIdent(m.history)} where as_of = $as_of::date`, { as_of: asOf });
      await wh.run(`insert into ${quoteIdent(m.history)} by name select * from ${build}`);
    }
  });
}
