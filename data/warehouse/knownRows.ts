// Table macros known_<table>(as_of) and known_<table>_dated() on a connection: the contract tables as known at a date
// (labels, replays) or at each date of a dates table (features of many dates in one pass).
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

/** The macro reading `table` as known at every date of a dates table: `select * from known_orders_dated()`. */
export function knownRowsDatedMacro(table: TableName): string {
  return `known_${table}_dated`;
}

/**
 * (Re)creates known_<table>_dated() for every contract table the warehouse has: the rows as known at each date of
 * `datesTable` (a table with an as_of DATE column), with that as_of in front, so one query computes many dates with
 * the rule of known_<table>(as_of). A table with no version known after the earliest date reads as it is.
 */
export async function createKnownRowsDatedMacros(wh: Warehouse, datesTable: string): Promise<void> {
  const earliest = await wh.scalar<string | null>(`select min(as_of)::varchar from ${quoteIdent(datesTable)}`);
  for (const table of TABLE_NAMES) {
    if (!(await wh.tableExists(table))) continue;
    const versions = versionsTable(table);
    const changedLater =
      earliest !== null &&
      (await wh.tableExists(versions)) &&
      (await wh.scalar<boolean>(
        readSql(new URL('./sql/changed_after.sql', import.meta.url), { versions: quoteIdent(versions) }),
        { as_of: earliest },
      ));
    const key = rowKeyColumns(table).map(quoteIdent);
    const slots = {
      macro: quoteIdent(knownRowsDatedMacro(table)),
      table: quoteIdent(table),
      versions: quoteIdent(versions),
      dates: quoteIdent(datesTable),
      versionKey: key.map((k) => `v.${k}`).join(', '),
      changedKey: key.map((k) => `c.${k}`).join(', '),
      currentMatch: key.map((k) => `c.${k} = t.${k}`).join(' and '),
      versionMatch: key.map((k) => `v.${k} = c.${k}`).join(' and '),
    };
    const file = changedLater ? './sql/known_rows_dated_macro.sql' : './sql/known_rows_dated_unversioned_macro.sql';
    await wh.run(readSql(new URL(file, import.meta.url), slots));
  }
}
