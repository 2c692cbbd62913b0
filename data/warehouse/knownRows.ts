// Table macros known_<table>(as_of) on a connection: the contract tables as known at a date, for features, labels and replays.
import { TABLE_NAMES, rowKeyColumns, versionsTable, type TableName } from '../contracts/index.ts';
import { quoteIdent } from './quoteIdent.ts';
import { readSql } from './readSql.ts';
import type { Warehouse } from './Warehouse.ts';

/** The macro reading `table` as known at a date: `select * from known_orders($as_of::timestamp)`. */
export function knownRowsMacro(table: TableName): string {
  return `known_${table}`;
}

/**
 * (Re)creates known_<table>(as_of) for every contract table the warehouse has, so a later delivery of a changed row
 * (a refund decided, a ticket resolved, a verdict reversed) never leaks into what is computed as of an earlier date.
 * Call before each use: it depends on whether the versions tables exist yet.
 */
export async function createKnownRowsMacros(wh: Warehouse): Promise<void> {
  for (const table of TABLE_NAMES) {
    if (!(await wh.tableExists(table))) continue;
    const versions = versionsTable(table);
    const slots = {
      macro: quoteIdent(knownRowsMacro(table)),
      table: quoteIdent(table),
      versions: quoteIdent(versions),
      key: rowKeyColumns(table).map(quoteIdent).join(', '),
    };
    const file = (await wh.tableExists(versions)) ? './sql/known_rows_macro.sql' : './sql/known_rows_unversioned_macro.sql';
    await wh.run(readSql(new URL(file, import.meta.url), slots));
  }
}
