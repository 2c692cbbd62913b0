// Runs one govern query file into a temp table (or runs a macro file), binding only the parameters the file refers to.
import type { DuckDBValue } from '@duckdb/node-api';
import type { Warehouse } from '../../data/warehouse/Warehouse.ts';
import { quoteIdent } from '../../data/warehouse/quoteIdent.ts';
import { readSql } from '../../data/warehouse/readSql.ts';
import { boundParams } from '../../data/warehouse/boundParams.ts';

export type GovParams = Record<string, DuckDBValue>;

/** The text of pipelines/govern/sql/<file>.sql. */
export function govSql(file: string, slots: Record<string, string> = {}): string {
  return readSql(new URL(`./sql/${file}.sql`, import.meta.url), slots);
}

/** `create or replace temp table <name> as <pipelines/govern/sql/file.sql>`. */
export async function materializeGov(wh: Warehouse, name: string, params: GovParams, file = name): Promise<void> {
  const sql = govSql(file);
  try {
    await wh.run(`create or replace temp table ${quoteIdent(name)} as\n${sql}`, boundParams(sql, params));
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    throw new Error(`building ${name} from pipelines/govern/sql/${file}.sql failed: ${msg}`, { cause: err });
  }
}

/** Runs a file that defines a macro (no parameters). */
export async function runGovFile(wh: Warehouse, file: string): Promise<void> {
  await wh.run(govSql(file));
}

/** Rows of a query file (slots: quoted identifiers the file names, see readSql). */
export async function queryGov<T extends Record<string, unknown>>(
  wh: Warehouse,
  file: string,
  params: GovParams,
  slots: Record<string, string> = {},
): Promise<T[]> {
  const sql = govSql(file, slots);
  return wh.all<T>(sql, boundParams(sql, params));
}
