// Creates the contract tables, their versions tables and the ingest bookkeeping tables if the warehouse lacks them.
import { TABLE_NAMES, versionsTable } from '../../data/contracts/index.ts';
import type { Warehouse } from '../../data/warehouse/Warehouse.ts';
import { quoteIdent } from '../../data/warehouse/quoteIdent.ts';
import { readSql } from '../../data/warehouse/readSql.ts';
import { contractColumnsDdl } from './columnLists.ts';
import { contractTablesDdl } from './contractDdl.ts';

export async function ensureIngestTables(wh: Warehouse): Promise<void> {
  await wh.run(contractTablesDdl());
  await wh.run(readSql(new URL('./sql/batch/create_bookkeeping_tables.sql', import.meta.url)));
  await wh.run(readSql(new URL('./sql/batch/upgrade_quarantine_table.sql', import.meta.url)));
  await wh.run(readSql(new URL('./sql/batch/upgrade_bookkeeping_tables.sql', import.meta.url)));
  await wh.run(readSql(new URL('./sql/batch/create_source_status.sql', import.meta.url)));
  for (const table of TABLE_NAMES) {
    const versions = versionsTable(table);
    if (await wh.tableExists(versions)) continue;
    await wh.run(
      readSql(new URL('./sql/batch/create_versions_table.sql', import.meta.url), {
        versions: quoteIdent(versions),
        columns: contractColumnsDdl(table),
      }),
    );
    await wh.run(
      readSql(new URL('./sql/batch/backfill_versions.sql', import.meta.url), {
        versions: quoteIdent(versions),
        table: quoteIdent(table),
      }),
    );
  }
}
