// Publishes tables built for one as_of date (or several built in one pass): in one transaction, those dates' history
// rows are replaced, the current table swapped in and the publish recorded (published_dates).
import { listValue } from '@duckdb/node-api';
import type { Warehouse } from './Warehouse.ts';
import { quoteIdent } from './quoteIdent.ts';

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
 * Which dates of which history tables were published, and by which publish: a generation that grows with every publish
 * (a counter, never a clock). A result built from some history dates can keep their generations and tell later whether
 * any of them was published again since (feat_request_weeks does).
 */
export const PUBLISHED_DATES = 'published_dates';

async function recordGenerations(wh: Warehouse, dates: readonly string[], histories: readonly string[]): Promise<void> {
  await wh.run(
    `create table if not exists ${PUBLISHED_DATES} (history varchar not null, as_of date not null, generation bigint not null)`,
  );
  const params = { dates: listValue([...dates]), histories: listValue([...histories]) };
  await wh.run(
    `delete from ${PUBLISHED_DATES} where list_contains($histories::varchar[], history) and list_contains($dates::date[], as_of)`,
    params,
  );
  await wh.run(
    `insert into ${PUBLISHED_DATES}
     select h.history, d.as_of, (select coalesce(max(generation), 0) + 1 from ${PUBLISHED_DATES})
     from unnest($histories::varchar[]) as h(history), unnest($dates::date[]) as d(as_of)`,
    params,
  );
}

/**
 * Publishes every table for `asOf` (YYYY-MM-DD, or the dates of a build that computed several): deletes those dates'
 * history rows, inserts the build's (by column name), and replaces the current table. Either everything lands or
 * nothing does, so a failed week leaves last week's outputs readable.
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
    await recordGenerations(
      wh,
      dates,
      tables.map((t) => t.history),
    );
  });
}
