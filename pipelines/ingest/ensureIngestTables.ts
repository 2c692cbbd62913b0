// Creates the contract tables, their versions tables and the ingest bookkeeping tables if the warehouse lacks them.
import { CONTRACTS, TABLE_NAMES, versionsTable } from '../../data/contracts/index.ts';
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
  await wh.run(readSql(new URL('./sql/batch/upgrade_load_batch_tables.sql', import.meta.url)));
  await wh.run(readSql(new URL('./sql/batch/create_source_status.sql', import.meta.url)));
  await wh.run(readSql(new URL('./sql/batch/create_load_flags.sql', import.meta.url)));
  const existing = new Set(
    (await wh.all<{ t: string; c: string }>(readSql(new URL('./sql/batch/existing_columns.sql', import.meta.url)))).map(
      (r) => `${r.t}.${r.c}`,
    ),
  );
  for (const table of TABLE_NAMES) {
    // Optional contract columns added since the warehouse was made; inserts go by name, so their position is free.
    for (const t of [table, versionsTable(table)]) {
      if (!existing.has(`${t}.${CONTRACTS[table].primaryKey}`)) continue;
      for (const [name, c] of Object.entries(CONTRACTS[table].columns)) {
        if (existing.has(`${t}.${name}`)) continue;
        await wh.run(
          readSql(new URL('./sql/batch/add_contract_column.sql', import.meta.url), {
            table: quoteIdent(t),
            column: quoteIdent(name),
            type: c.meta.duckType,
          }),
        );
      }
    }
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
