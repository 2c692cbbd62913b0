// Runs one layered SQL file into a temp table, binding only the parameters the file refers to.
import type { DuckDBValue } from '@duckdb/node-api';
import type { Warehouse } from '../../data/warehouse/Warehouse.ts';
import { quoteIdent } from '../../data/warehouse/quoteIdent.ts';
import { readSql } from '../../data/warehouse/readSql.ts';
import { boundParams } from '../../data/warehouse/boundParams.ts';

export type BuildParams = Record<string, DuckDBValue>;

/** `create or replace temp table <name> as <pipelines/features/sql/relPath>`. */
export async function materializeSql(wh: Warehouse, name: string, relPath: string, params: BuildParams): Promise<void> {
  const sql = readSql(new URL(`./sql/${relPath}`, import.meta.url));
  try {
    await wh.run(`create or replace temp table ${quoteIdent(name)} as\n${sql}`, boundParams(sql, params));
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    throw new Error(`building ${name} from pipelines/features/sql/${relPath} failed: ${msg}`, { cause: err });
  }
}

/** Runs a query file that returns one value. */
export async function scalarSql<T>(wh: Warehouse, relPath: string, params: BuildParams): Promise<T> {
  const sql = readSql(new URL(`./sql/${relPath}`, import.meta.url));
  return wh.scalar<T>(sql, boundParams(sql, params));
}
