// Loads one contract table's files inside the open batch transaction: check, key checks, insert clean rows, quarantine the rest.
import { CONTRACTS, type TableName } from '../../data/contracts/index.ts';
import { UserError } from '../../data/validation/errors.ts';
import { quoteIdent } from '../../data/warehouse/quoteIdent.ts';
import type { Warehouse } from '../../data/warehouse/Warehouse.ts';
import { readSql } from '../../data/warehouse/readSql.ts';
import { buildCheckSelect } from './columnChecks.ts';
import { contractColumnsDdl } from './contractDdl.ts';
import {
  APPLY_HITS,
  batchDuplicateSql,
  EXCLUDED_ROWS_SQL,
  existingKeySql,
  foreignKeySql,
  fullRowsDdl,
  insertCandidateRowsSql,
  insertCheckedKeysSql,
  insertCleanSql,
  keyClashCandidatesSql,
  keyColumns,
} from './keySql.ts';
import type { TableMapping } from './mapping/mappingSchema.ts';
import { RULES } from './ruleText.ts';
import type { SourceFile } from './sourceFile.ts';
import { stageFile, stagingTables } from './stageFile.ts';
import { usedParams } from './usedParams.ts';

export interface TableCounts {
  table: TableName;
  files: number;
  read: number;
  loaded: number;
  quarantined: number;
  inserted: number;
  duplicate: number;
}

const TEMP_TABLES = [
  'ingest_chk',
  'ingest_bad',
  'ingest_skip',
  'ingest_hits',
  'ingest_cand',
  'ingest_full',
  'ingest_excl',
];

async function dropTemps(wh: Warehouse, units: number): Promise<void> {
  for (const t of [...TEMP_TABLES, ...stagingTables(units)]) await wh.run(`drop table if exists ${t}`);
}

/** One staged file's checked relation (buildCheckSelect over it) and the parameters it binds. */
interface CheckedSource {
  file: SourceFile;
  sql: string;
  params: Record<string, string | number>;
}

function cannotRead(file: SourceFile, err: unknown): Error {
  if (err instanceof UserError) return err;
  const msg = (err instanceof Error ? err.message : String(err)).split('\n')[0];
  return new UserError(
    `${file.display}: cannot be read as ${file.format.toUpperCase()} (${msg}); fix or remove the file and run ingest again — nothing was loaded`,
  );
}

/** Whether one of loadTable's temp tables holds any row. */
async function hasRows(wh: Warehouse, tempTable: string): Promise<boolean> {
  return Number(await wh.scalar(`select count(*) from ${tempTable}`)) > 0;
}

/**
 * Runs a statement that evaluates a source's checked relation again. The first pass keeps only keys and violations,
 * so a mapped expression of an unchecked column (optional free text) is first evaluated here, and may raise here.
 */
async function readAgain(wh: Warehouse, source: CheckedSource, sql: string): Promise<void> {
  try {
    await wh.run(sql, source.params);
  } catch (err) {
    throw cannotRead(source.file, err);
  }
}

export async function loadTable(
  wh: Warehouse,
  batchId: number,
  table: TableName,
  files: SourceFile[],
  mapping?: TableMapping,
  onStep: (label: string, seconds: number) => void = () => {},
): Promise<TableCounts> {
  const contract = CONTRACTS[table];
  let t0 = performance.now();
  const lap = (label: string) => {
    const t = performance.now();
    onStep(`${table}: ${label}`, (t - t0) / 1000);
    t0 = t;
  };
  // A SQL-mapped table is one relation over all its files; otherwise each file is read on its own.
  const units = mapping?.sql ? [files[0]!] : files;
  await dropTemps(wh, units.length);
  const keyDdl = keyColumns(table)
    .map((k) => `${quoteIdent(k)} ${contract.columns[k]!.meta.duckType}`)
    .join(', ');
  await wh.run(
    `create temp table ingest_chk (__file VARCHAR, __row BIGINT, ${keyDdl}, __v STRUCT(column_name VARCHAR, value VARCHAR, rule VARCHAR)[])`,
  );
  await wh.run(`create temp table ingest_bad (rid BIGINT, column_name VARCHAR, value VARCHAR, rule VARCHAR)`);
  await wh.run(`create temp table ingest_skip (rid BIGINT)`);

  let parseRejected = 0;
  const sources: CheckedSource[] = [];
  for (const [unit, file] of units.entries()) {
    try {
      const staged = await stageFile(wh, {
        table,
        batchId,
        path: file.path,
        display: mapping?.sql ? mapping.files : file.display,
        format: file.format,
        mapping,
        unit,
      });
      parseRejected += staged.parseRejected;
      const checked = buildCheckSelect(table, staged.types, staged.select);
      const source: CheckedSource = { file, sql: checked, params: usedParams(checked, staged.params) };
      sources.push(source);
      await wh.run(insertCheckedKeysSql(table, checked), source.params);
    } catch (err) {
      throw cannotRead(file, err);
    }
  }
  lap('read and check columns');

  for (let i = 0; i < contract.foreignKeys.length; i++) {
    const fk = contract.foreignKeys[i]!;
    await wh.run(foreignKeySql(table, i), { column: fk.column, rule: RULES.unknownKey(fk.column, fk.table) });
  }
  lap('foreign keys');
  await wh.run(keyClashCandidatesSql(table));
  if (await hasRows(wh, 'ingest_cand')) {
    await wh.run(fullRowsDdl(contractColumnsDdl(table, false)));
    for (const s of sources) await readAgain(wh, s, insertCandidateRowsSql(table, s.sql));
    const dupParams = { column: contract.primaryKey, rule: RULES.duplicate(contract.primaryKey) };
    for (const hitsSql of [existingKeySql(table), batchDuplicateSql(table)]) {
      await wh.run(hitsSql);
      await wh.run(APPLY_HITS.conflicts, dupParams);
      await wh.run(APPLY_HITS.identical);
      await wh.run('drop table ingest_hits');
    }
  }
  lap('duplicate keys');
  await wh.run(EXCLUDED_ROWS_SQL);
  const anyExcluded = await hasRows(wh, 'ingest_excl');
  for (const s of sources) await readAgain(wh, s, insertCleanSql(table, s.sql, anyExcluded));
  lap('insert clean rows');
  await wh.run(readSql(new URL('./sql/ingest_quarantine_violations.sql', import.meta.url)), { batch: batchId, table });
  await wh.run(readSql(new URL('./sql/ingest_quarantine_key_failures.sql', import.meta.url)), {
    batch: batchId,
    table,
  });
  const [counts] = await wh.all<{ staged: bigint; bad: bigint; skipped: bigint }>(
    readSql(new URL('./sql/ingest_table_counts.sql', import.meta.url)),
  );
  await dropTemps(wh, units.length);
  lap('quarantine and counts');
  const read = Number(counts!.staged) + parseRejected;
  const quarantined = Number(counts!.bad) + parseRejected;
  const duplicate = Number(counts!.skipped);
  return {
    table,
    files: files.length,
    read,
    loaded: read - quarantined,
    quarantined,
    inserted: read - quarantined - duplicate,
    duplicate,
  };
}
