// Loads one contract table's files inside the open batch transaction: check, key checks, insert clean rows, quarantine the rest.
import type { TableName } from '../../data/contracts/index.ts';
import { boundParams } from '../../data/warehouse/boundParams.ts';
import { quoteIdent } from '../../data/warehouse/quoteIdent.ts';
import type { Warehouse } from '../../data/warehouse/Warehouse.ts';
import { readSql } from '../../data/warehouse/readSql.ts';
import { cannotRead, readAgain, type CheckedSource } from './checkedSource.ts';
import { checkDuplicateKeys, checkForeignKeys } from './checkKeys.ts';
import { buildCheckSelect } from './columnChecks.ts';
import { contractColumnList, keyColumnList, keyColumnsDdl } from './columnLists.ts';
import type { TableMapping } from './mapping/mappingSchema.ts';
import type { SourceFile } from './sourceFile.ts';
import { stageFile } from './stageFile.ts';
import { hasRows } from './hasRows.ts';
import { dropTempTables } from './tempTables.ts';

export interface TableCounts {
  table: TableName;
  files: number;
  read: number;
  loaded: number;
  quarantined: number;
  inserted: number;
  duplicate: number;
}

/** Stages and checks each file, keeping only keys and violations in ingest_chk; returns the checked sources. */
async function checkFiles(
  wh: Warehouse,
  batchId: number,
  table: TableName,
  units: SourceFile[],
  mapping: TableMapping | undefined,
): Promise<{ sources: CheckedSource[]; parseRejected: number }> {
  let parseRejected = 0;
  const sources: CheckedSource[] = [];
  for (const [unit, file] of units.entries()) {
    try {
      const staged = await stageFile(wh, { table, batchId, path: file.path, display: mapping?.sql ? mapping.files : file.display, format: file.format, mapping, unit });
      parseRejected += staged.parseRejected;
      const checked = buildCheckSelect(table, staged.types, staged.select);
      const source: CheckedSource = { file, sql: checked, params: boundParams(checked, staged.params) };
      sources.push(source);
      await wh.run(readSql(new URL('./sql/check/insert_checked_keys.sql', import.meta.url), { key_columns: keyColumnList(table), checked }), source.params);
    } catch (err) {
      throw cannotRead(file, err);
    }
  }
  return { sources, parseRejected };
}

export async function loadTable(
  wh: Warehouse,
  batchId: number,
  table: TableName,
  files: SourceFile[],
  mapping?: TableMapping,
  onStep: (label: string, seconds: number) => void = () => {},
): Promise<TableCounts> {
  let t0 = performance.now();
  const lap = (label: string) => {
    const t = performance.now();
    onStep(`${table}: ${label}`, (t - t0) / 1000);
    t0 = t;
  };
  // A SQL-mapped table is one relation over all its files; otherwise each file is read on its own.
  const units = mapping?.sql ? [files[0]!] : files;
  await dropTempTables(wh, units.length);
  await wh.run(readSql(new URL('./sql/check/create_checked_keys.sql', import.meta.url), { key_columns: keyColumnsDdl(table) }));
  await wh.run(readSql(new URL('./sql/check/create_key_failures.sql', import.meta.url)));
  await wh.run(readSql(new URL('./sql/check/create_skipped_rows.sql', import.meta.url)));

  const { sources, parseRejected } = await checkFiles(wh, batchId, table, units, mapping);
  lap('read and check columns');
  await checkForeignKeys(wh, table);
  lap('foreign keys');
  await checkDuplicateKeys(wh, table, sources);
  lap('duplicate keys');

  await wh.run(readSql(new URL('./sql/check/excluded_rows.sql', import.meta.url)));
  // Without exclusions, the usual case, the insert skips the anti join (see insert_clean_rows_except_excluded.sql).
  const insertClean = (await hasRows(wh, 'ingest_excl'))
    ? new URL('./sql/load/insert_clean_rows_except_excluded.sql', import.meta.url)
    : new URL('./sql/load/insert_clean_rows.sql', import.meta.url);
  for (const s of sources) {
    await readAgain(wh, s, readSql(insertClean, { table: quoteIdent(table), columns: contractColumnList(table, 'c'), checked: s.sql }));
  }
  lap('insert clean rows');

  await wh.run(readSql(new URL('./sql/load/quarantine_violations.sql', import.meta.url)), { batch: batchId, table });
  await wh.run(readSql(new URL('./sql/load/quarantine_key_failures.sql', import.meta.url)), { batch: batchId, table });
  const [counts] = await wh.all<{ staged: bigint; bad: bigint; skipped: bigint }>(readSql(new URL('./sql/load/table_counts.sql', import.meta.url)));
  await dropTempTables(wh, units.length);
  lap('quarantine and counts');
  const read = Number(counts!.staged) + parseRejected;
  const quarantined = Number(counts!.bad) + parseRejected;
  const duplicate = Number(counts!.skipped);
  return { table, files: files.length, read, loaded: read - quarantined, quarantined, inserted: read - quarantined - duplicate, duplicate };
}
