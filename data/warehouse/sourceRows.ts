// Rows of each input contract table known before a date (0 when absent): a model artifact records them, the model card
// compares the scored week's.
import { CONTRACTS, TABLE_NAMES, type TableName } from '../contracts/tables.ts';
import { quoteIdent } from './quoteIdent.ts';
import { readSql } from './readSql.ts';
import type { Warehouse } from './Warehouse.ts';

/**
 * The column from which a row is known: its last required timestamp (an investigation's verdict is known when it
 * closes, not when it opens). Counting by it keeps the record point-in-time: rows that arrive later for later dates
 * (a verdict closed after training) leave an artifact unchanged. Tables whose dates exports may lack (registration,
 * opening) use their optional date, and a row without one counts as known.
 */
export function knownFromColumn(table: TableName): string {
  const ts = Object.entries(CONTRACTS[table].columns).filter(([, c]) => c.meta.kind === 'ts' && !c.meta.promise);
  const required = ts.filter(([, c]) => !c.meta.optional);
  return (required.length ? required : ts).at(-1)![0];
}

export async function sourceRows(wh: Warehouse, asOf: string): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of TABLE_NAMES) {
    out[table] = (await wh.tableExists(table))
      ? Number(
          await wh.scalar<bigint>(
            readSql(new URL('./sql/source_rows.sql', import.meta.url), {
              table: quoteIdent(table),
              known_from: quoteIdent(knownFromColumn(table)),
            }),
            { as_of: asOf },
          ),
        )
      : 0;
  }
  return out;
}
