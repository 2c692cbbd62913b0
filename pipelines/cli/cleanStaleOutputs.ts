// What a killed run leaves, cleaned by the next command that writes (it holds the run lock, so nothing else is
// writing):
// build tables in the warehouse, ingest's temp folder, half-swapped report and export folders, unpublished artifacts.
import { existsSync, rmSync } from 'node:fs';
import type { TrustlensConfig } from '../../data/config/configSchema.ts';
import type { Warehouse } from '../../data/warehouse/Warehouse.ts';
import { quoteIdent } from '../../data/warehouse/quoteIdent.ts';
import { readSql } from '../../data/warehouse/readSql.ts';
import { cleanStaleReports } from '../../reports/buildReports.ts';
import { recoverArtifacts } from '../../models/registry/publishArtifacts.ts';
import { ingestTempRoot } from '../ingest/ingestTempDir.ts';

/** Cleans and returns what it cleaned (tables, folders, files), for the log. */
export async function cleanStaleOutputs(
  wh: Warehouse,
  config: Pick<TrustlensConfig, 'reportsDir' | 'artifactsDir'>,
): Promise<string[]> {
  const cleaned: string[] = [];
  const tables = await wh.all<{ table_name: string }>(
    readSql(new URL('./sql/stale_build_tables.sql', import.meta.url)),
  );
  for (const { table_name } of tables) {
    await wh.run(readSql(new URL('./sql/drop_stale_table.sql', import.meta.url), { table: quoteIdent(table_name) }));
    cleaned.push(`table ${table_name}`);
  }
  if (wh.path !== ':memory:' && existsSync(ingestTempRoot(wh.path))) {
    rmSync(ingestTempRoot(wh.path), { recursive: true, force: true });
    cleaned.push(ingestTempRoot(wh.path));
  }
  cleaned.push(...cleanStaleReports(config.reportsDir));
  cleaned.push(...recoverArtifacts(config.artifactsDir));
  return cleaned;
}
