// Creates the contract tables and the ingest bookkeeping tables if the warehouse lacks them.
import type { Warehouse } from '../../data/warehouse/Warehouse.ts';
import { readSql } from '../../data/warehouse/readSql.ts';
import { contractTablesDdl } from './contractDdl.ts';

export async function ensureIngestTables(wh: Warehouse): Promise<void> {
  await wh.run(contractTablesDdl());
  await wh.run(readSql(new URL('./sql/batch/create_bookkeeping_tables.sql', import.meta.url)));
}
