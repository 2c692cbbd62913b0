// Rows of each input contract table (0 when absent): a model artifact records them, the model card compares the scored week's.
import { TABLE_NAMES } from '../contracts/tables.ts';
import { quoteIdent } from './quoteIdent.ts';
import type { Warehouse } from './Warehouse.ts';

export async function sourceRows(wh: Warehouse): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of TABLE_NAMES) {
    out[table] = (await wh.tableExists(table))
      ? Number(await wh.scalar<bigint>(`select count(*) from ${quoteIdent(table)}`))
      : 0;
  }
  return out;
}
