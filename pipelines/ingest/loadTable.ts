// Loads one contract table's files inside the open batch transaction: check, key checks, insert clean rows, quarantine
// the rest.
import { listValue } from '@duckdb/node-api';
import { CONTRACTS, versionsTable, type TableName } from '../../data/contracts/index.ts';
import { boundParams } from '../../data/warehouse/boundParams.ts';
import { quoteIdent } from '../../data/warehouse/quoteIdent.ts';
import type { Warehouse } from '../../data/warehouse/Warehouse.ts';
import { readSql } from '../../data/warehouse/readSql.ts';
import { cannotRead, readAgain, type CheckedSource } from './checkedSource.ts';
import { checkForeignKeys, sortRepeatedKeys } from './checkKeys.ts';
import { buildCheckSelect, type TimestampRange } from './columnChecks.ts';
import { contractColumnList, keyColumnList, keyColumnsDdl } from './columnLists.ts';
import { queryDisplay, tableQuery, type TableMapping } from './mapping/mappingSchema.ts';
import type { Sandbox } from './sandbox/Sandbox.ts';
import type { SourceFile } from './sourceFile.ts';
import { stageFile } from './stageFile.ts';
import { defaultTimestampRange } from './timestampRange.ts';
import { hasRows } from './hasRows.ts';
import { HeaderProblem } from './projectContract.ts';
import { zoneNames } from './zoneNames.ts';
import { dropLoadTables } from './tempTables.ts';
import { newestEvent, rowKeyList, rowKeyMatch } from './versionSql.ts';

export interface TableCounts {
  table: TableName;
  files: number;
  read: number;
  loaded: number;
  quarantined: number;
  inserted: number;
  /** New versions of rows delivered before (a mutable column changed). */
  updated: number;
  /** Identical copies of rows delivered before: loaded, not stored again. */
  duplicate: number;
  /** Rows a mapping's query filtered out of the table's files (a query table with files only). */
  filtered?: number;
  /**
   * Rows loaded with a flag (load_flags): a refund of an order from before the first delivered week. Absent when none.
   */
  flagged?: number;
  /** The date this load's versions became known (null when it stored none). */
  knownAt: string | null;
}

/** How files are read in a batch: the plausible timestamps, and the sandbox that stages mapped files. */
export interface Reading {
  timestamps: TimestampRange;
  sandbox?: Sandbox;
  /**
   * The latest default known-at date (the load's as-of date): one row dated years ahead by mistake had made a table's
   * corrections invisible to every feature date until then.
   */
  latestKnownAt?: string;
}

/** Stages and checks each file, keeping only keys and violations in ingest_chk; returns the checked sources. */
async function checkFiles(
  wh: Warehouse,
  batchId: number,
  table: TableName,
  units: SourceFile[],
  mapping: TableMapping | undefined,
  reading: Reading,
  countFiles: SourceFile[],
): Promise<{ sources: CheckedSource[]; parseRejected: number; filtered: number | null }> {
  let parseRejected = 0;
  let filtered: number | null = null;
  const range = reading.timestamps;
  const sources: CheckedSource[] = [];
  const headers: string[] = [];
  for (const [unit, file] of units.entries()) {
    try {
      const display = mapping && tableQuery(mapping) !== undefined ? queryDisplay(table, mapping) : file.display;
      const staged = await stageFile(wh, {
        table,
        batchId,
        path: file.path,
        display,
        format: file.format,
        mapping,
        unit,
        sandbox: reading.sandbox,
        countFiles,
      });
      parseRejected += staged.parseRejected;
      if (staged.filtered !== null) filtered = (filtered ?? 0) + staged.filtered;
      const checked = buildCheckSelect(table, staged.types, staged.select, range);
      const source: CheckedSource = {
        file,
        display,
        sql: checked,
        params: boundParams(checked, {
          ...staged.params,
          ts_min: range.from,
          ts_max: range.to,
          zone_names: listValue(await zoneNames(wh)),
        }),
      };
      sources.push(source);
      await wh.run(
        readSql(new URL('./sql/check/insert_checked_keys.sql', import.meta.url), {
          key_columns: keyColumnList(table),
          newest: newestEvent(table),
          checked,
        }),
        source.params,
      );
    } catch (err) {
      // the other files' headers are still read, so one run names every file that lacks a column
      if (err instanceof HeaderProblem) headers.push(err.message);
      else throw cannotRead(file, err);
    }
  }
  if (headers.length) throw new HeaderProblem(headers.join('\n'));
  return { sources, parseRejected, filtered };
}

export async function loadTable(
  wh: Warehouse,
  batchId: number,
  table: TableName,
  files: SourceFile[],
  mapping?: TableMapping,
  onStep: (label: string, seconds: number) => void = () => {},
  reading: Reading = { timestamps: defaultTimestampRange() },
  knownAtGiven?: string,
): Promise<TableCounts> {
  let t0 = performance.now();
  const lap = (label: string) => {
    const t = performance.now();
    onStep(`${table}: ${label}`, (t - t0) / 1000);
    t0 = t;
  };
  // A SQL-mapped table is one relation over all its files; otherwise each file is read on its own.
  const units = mapping && tableQuery(mapping) !== undefined ? [files[0]!] : files;
  await dropLoadTables(wh, units.length);
  await wh.run(
    readSql(new URL('./sql/check/create_checked_keys.sql', import.meta.url), { key_columns: keyColumnsDdl(table) }),
  );
  await wh.run(readSql(new URL('./sql/check/create_key_failures.sql', import.meta.url)));
  await wh.run(readSql(new URL('./sql/check/create_flags.sql', import.meta.url)));
  await wh.run(readSql(new URL('./sql/check/create_skipped_rows.sql', import.meta.url)));

  const countFiles = files.filter((f) => f.counted);
  const { sources, parseRejected, filtered } = await checkFiles(
    wh,
    batchId,
    table,
    units,
    mapping,
    reading,
    countFiles,
  );
  lap('read and check columns');
  await checkForeignKeys(wh, table);
  lap('foreign keys');
  const repeated = await sortRepeatedKeys(wh, table, sources, knownAtGiven);
  lap('repeated keys');

  const knownAt = knownAtGiven ?? (await batchKnownAt(wh, reading.latestKnownAt ?? null));
  const versions = quoteIdent(versionsTable(table));
  await wh.run(readSql(new URL('./sql/check/excluded_rows.sql', import.meta.url)));
  // Without exclusions, the usual case, the insert skips the anti join (see insert_clean_rows_except_excluded.sql).
  const insertClean = (await hasRows(wh, 'ingest_excl'))
    ? new URL('./sql/load/insert_clean_rows_except_excluded.sql', import.meta.url)
    : new URL('./sql/load/insert_clean_rows.sql', import.meta.url);
  for (const s of sources) {
    const sql = readSql(insertClean, { versions, columns: contractColumnList(table, 'c'), checked: s.sql });
    await readAgain(wh, s, sql, { batch: batchId, known_at: knownAt });
  }
  await wh.run(
    readSql(new URL('./sql/load/insert_batch_rows.sql', import.meta.url), {
      table: quoteIdent(table),
      versions,
      columns: contractColumnList(table, 'v'),
    }),
    { batch: batchId },
  );
  let updated = 0;
  if (repeated) {
    const key = rowKeyList(table);
    await wh.run(
      readSql(new URL('./sql/load/delete_replaced_rows.sql', import.meta.url), {
        table: quoteIdent(table),
        key,
        key_match: rowKeyMatch(table, 't', 's'),
      }),
    );
    await wh.run(
      readSql(new URL('./sql/load/insert_newest_rows.sql', import.meta.url), {
        table: quoteIdent(table),
        columns: contractColumnList(table, 'f'),
      }),
    );
    await wh.run(
      readSql(new URL('./sql/load/insert_new_versions.sql', import.meta.url), {
        versions,
        key,
        columns: contractColumnList(table, 'r'),
      }),
      { batch: batchId, known_at: knownAt },
    );
    updated = Number(await wh.scalar(readSql(new URL('./sql/load/version_counts.sql', import.meta.url))));
  }
  lap('insert clean rows');

  const pk = { pk: quoteIdent(CONTRACTS[table].primaryKey) };
  await wh.run(readSql(new URL('./sql/load/quarantine_violations.sql', import.meta.url), pk), {
    batch: batchId,
    table,
  });
  await wh.run(readSql(new URL('./sql/load/quarantine_key_failures.sql', import.meta.url), pk), {
    batch: batchId,
    table,
  });
  await wh.run(readSql(new URL('./sql/load/record_flags.sql', import.meta.url)), { batch: batchId, table });
  const flagged = Number(
    await wh.scalar(readSql(new URL('./sql/load/flag_counts.sql', import.meta.url)), { batch: batchId, table }),
  );
  const [counts] = await wh.all<{ staged: bigint; bad: bigint; skipped: bigint }>(
    readSql(new URL('./sql/load/table_counts.sql', import.meta.url)),
  );
  await dropLoadTables(wh, units.length);
  lap('quarantine and counts');
  const read = Number(counts!.staged) + parseRejected;
  const quarantined = Number(counts!.bad) + parseRejected;
  const duplicate = Number(counts!.skipped);
  const inserted = read - quarantined - duplicate - updated;
  return {
    table,
    files: files.length,
    read,
    loaded: read - quarantined,
    quarantined,
    inserted,
    updated,
    duplicate,
    filtered: filtered ?? undefined,
    knownAt: inserted + updated > 0 ? knownAt : null,
    ...(flagged ? { flagged } : {}),
  };
}

/**
 * The default known-at date of a table's delivery: the day after its newest event, at the latest `latest` (null when no
 * row is clean).
 */
async function batchKnownAt(wh: Warehouse, latest: string | null): Promise<string | null> {
  return wh.scalar<string | null>(readSql(new URL('./sql/load/batch_known_at.sql', import.meta.url)), { latest });
}
