// Files already loaded that are read again: rows of theirs quarantined for an unknown parent whose parent has arrived.
import { relative } from 'node:path';
import { listValue } from '@duckdb/node-api';
import { CONTRACTS, type TableName } from '../../data/contracts/index.ts';
import { quoteIdent } from '../../data/warehouse/quoteIdent.ts';
import { readSql } from '../../data/warehouse/readSql.ts';
import type { Warehouse } from '../../data/warehouse/Warehouse.ts';
import type { SkippedFile } from './planIngest.ts';
import { RULES } from './ruleText.ts';

/**
 * The skipped files of `table` (same content as a file loaded before) that must be read again: that load quarantined
 * rows for a parent key the warehouse did not hold and holds now (loaded since, or earlier in this batch, as parents
 * load first), rows that have not loaded since. Without it a refunds file delivered before its orders kept those
 * refunds out for good: delivered again beside the orders, it was skipped as already loaded. Its other rows read again
 * as unchanged copies.
 */
export async function filesToRetry(
  wh: Warehouse,
  table: TableName,
  skipped: readonly SkippedFile[],
): Promise<SkippedFile[]> {
  const fks = CONTRACTS[table].foreignKeys;
  const mine = skipped.filter((s) => s.file.table === table);
  if (fks.length === 0 || mine.length === 0 || !(await wh.tableExists('quarantine'))) return [];
  // one query for the loads that quarantined any row of this table for an unknown parent: most have none
  const rules = fks.map((fk) => RULES.unknownKey(fk.column, fk.table));
  const orphaned = await wh.all<{ batch_id: number; source: string; source_file: string }>(
    readSql(new URL('./sql/batch/orphaned_files.sql', import.meta.url)),
    { table, rules: listValue(rules) },
  );
  const retry: SkippedFile[] = [];
  for (const s of mine) {
    // quarantine names a file as its batch displayed it: relative to the folder it was loaded from
    const hit = orphaned.find((o) => o.batch_id === s.batchId && o.source_file === relative(o.source, s.loadedAs));
    if (!hit) continue;
    for (const [i, fk] of fks.entries()) {
      if (!(await wh.tableExists(fk.table)) || !(await wh.tableExists(table))) continue;
      const resolved = await wh.scalar<boolean>(
        readSql(new URL('./sql/batch/orphans_resolved.sql', import.meta.url), {
          parent: quoteIdent(fk.table),
          key: quoteIdent(fk.references),
          child: quoteIdent(table),
          pk: quoteIdent(CONTRACTS[table].primaryKey),
        }),
        { batch: s.batchId, table, file: hit.source_file, column: fk.column, rule: rules[i]! },
      );
      if (resolved) {
        retry.push(s);
        break;
      }
    }
  }
  return retry;
}
