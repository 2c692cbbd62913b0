// ingest's temp tables: the fixed ones of a table's load, the staging ones of each file, and dropping them.
import type { Warehouse } from '../../data/warehouse/Warehouse.ts';
import { quoteIdent } from '../../data/warehouse/quoteIdent.ts';
import { readSql } from '../../data/warehouse/readSql.ts';

/** The temp tables of one table's load (see sql/check/). */
const LOAD_TABLES = [
  'ingest_chk',
  'ingest_bad',
  'ingest_flags',
  'ingest_skip',
  'ingest_cand',
  'ingest_full',
  'ingest_chain',
  'ingest_steps',
  'ingest_excl',
];

/** One file's staging tables (unquoted names), kept apart per file so its relation can be read again. */
export interface RawTables {
  /** The file's records as staged (CSV, NDJSON lines, a mapping's SQL result). */
  raw: string;
  /** CSV only: where unparsable records sit, to renumber the parsed ones. */
  offsets: string;
}

export function rawTables(unit: number): RawTables {
  return { raw: `ingest_raw_${unit}`, offsets: `ingest_reject_offsets_${unit}` };
}

/** Every temp table a table's load over `units` files may create, for dropping them before and after. */
function allTempTables(units: number): string[] {
  const names = [...LOAD_TABLES, 'ingest_rejects', 'ingest_reject_scans', 'ingest_raw_json'];
  for (let u = 0; u < units; u++) names.push(rawTables(u).raw, rawTables(u).offsets);
  return names;
}

export async function dropTableIfExists(wh: Warehouse, name: string): Promise<void> {
  await wh.run(readSql(new URL('./sql/drop_table_if_exists.sql', import.meta.url), { table: quoteIdent(name) }));
}

export async function dropTable(wh: Warehouse, name: string): Promise<void> {
  await wh.run(readSql(new URL('./sql/drop_table.sql', import.meta.url), { table: quoteIdent(name) }));
}

/** Drops the scratch tables a load of `units` staged files made (allTempTables), so the next load starts clean. */
export async function dropLoadTables(wh: Warehouse, units: number): Promise<void> {
  for (const t of allTempTables(units)) await dropTableIfExists(wh, t);
}
