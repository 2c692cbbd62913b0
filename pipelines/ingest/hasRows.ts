// Whether a table holds any row (ingest's temp tables, and load_batches to tell a first load).
import type { Warehouse } from '../../data/warehouse/Warehouse.ts';
import { quoteIdent } from '../../data/warehouse/quoteIdent.ts';
import { readSql } from '../../data/warehouse/readSql.ts';

export async function hasRows(wh: Warehouse, table: string): Promise<boolean> {
  return (
    Number(await wh.scalar(readSql(new URL('./sql/count_rows.sql', import.meta.url), { table: quoteIdent(table) }))) > 0
  );
}
