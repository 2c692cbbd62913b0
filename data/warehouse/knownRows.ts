// Table macros known_<table>(as_of) on a connection: the contract tables as known at a date, for features, labels and
// replays.
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
 * The macros are valid for as-of dates on or after `asOf`: a table with no version known after it reads as it is,
 * at no cost and in the same row order. Call before each use, with the date about to be read.
 */
export async function createKnownRowsMacros(wh: Warehouse, asOf: string): Promise<void> {
  for (const table of TABLE_NAMES) {
    if (!(await wh.tableExists(table))) continue;
    const versions = versionsTable(table);
    const changedLater =
      (await wh.tableExists(versions)) &&
      (await wh.scalar<boolean>(
        readSql(new URL('./sql/changed_after.sql', import.meta.url), { versions: quoteIdent(versions) }),
        { as_of: asOf },
      ));
    const slots = {
      macro: quoteIdent(knownRowsMacro(table)),
      table: quoteIdent(table),
      versions: quoteIdent(versions),
      key: rowKeyColumns(table).map(quoteIdent).join(', '),
    };
    const file = changedLater ? './sql/known_rows_macro.sql' : './sql/known_rows_unversioned_macro.sql';
    await wh.run(readSql(new URL(file, import.meta.url), slots));
  }
}
