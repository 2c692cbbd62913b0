// Publishes tables built for one as_of date (or several built in one pass): in one transaction, those dates' history
// rows are replaced, the current table swapped in and the publish recorded (recordPublish).
import { listValue } from '@duckdb/node-api';
import type { Warehouse } from './Warehouse.ts';
import { quoteIdent } from './quoteIdent.ts';
import { recordPublish } from './recordPublish.ts';

export interface DatedTable {
  /** This date's rows (with an as_of column), built beside the live tables: a temp table or a warehouse table. */
  build: string;
  /** Keeps every date; this date's rows are replaced. Created from the build when missing. */
  history: string;
  /** Live table the build replaces as a whole; null to add to history only. */
  current: string | null;
}

async function columnTypes(wh: Warehouse, table: string): Promise<Map<string, string>> {
  const rows = await wh.all<{ column_name: string; column_type: string }>(`describe ${quoteIdent(table)}`);
  return new Map(rows.map((r) => [r.column_name, r.column_type]));
}

/** Creates the history table, or adds columns the build gained since it was created (older rows read NULL there). */
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

async function isTemp(wh: Warehouse, table: string): Promise<boolean> {
  return (
    (await wh.scalar<bigint>('select count(*) from duckdb_tables() where table_name = $name and temporary', {
      name: table,
    })) > 0n
  );
}

/** A warehouse build is renamed into place; a temp table cannot leave the temp schema, so it is copied. */
async function swapIn(wh: Warehouse, build: string, current: string): Promise<void> {
  if (await isTemp(wh, build)) {
    await wh.run(`create or replace table ${quoteIdent(current)} as select * from ${quoteIdent(build)}`);
    return;
  }
  await wh.run(`drop table if exists ${quoteIdent(current)}`);
  await wh.run(`alter table ${quoteIdent(build)} rename to ${quoteIdent(current)}`);
}

/**
 * Publishes every table for `asOf` (YYYY-MM-DD, or the dates of a build that computed several): deletes those dates'
 * history rows, inserts the build's (by column name), replaces the current table and records the publish. Either
 * everything lands or nothing does, so a failed week leaves last week's outputs readable.
 */
export async function publishDated(
  wh: Warehouse,
  asOf: string | readonly string[],
  tables: readonly DatedTable[],
): Promise<void> {
  const dates = typeof asOf === 'string' ? [asOf] : [...asOf];
  await wh.transaction(async () => {
    for (const t of tables) {
      await ensureHistory(wh, t.build, t.history);
      await wh.run(`delete from ${quoteIdent(t.history)} where list_contains($dates::date[], as_of)`, {
        dates: listValue(dates),
      });
      await wh.run(`insert into ${quoteIdent(t.history)} by name select * from ${quoteIdent(t.build)}`);
      if (t.current !== null) await swapIn(wh, t.build, t.current);
    }
    await recordPublish(
      wh,
      dates,
      tables.map((t) => t.history),
    );
  });
}
