// Cuts a full export of the contract tables into a weekly delivery: the rows whose event time falls in [from, before).
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { CONTRACTS, TABLE_NAMES, type TableName } from '../contracts/index.ts';
import { quoteIdent, quoteLiteral } from '../warehouse/quoteIdent.ts';
import { Warehouse } from '../warehouse/Warehouse.ts';

/**
 * The column that dates a row: the first required timestamp of its contract (created_at, requested_at, …), else the
 * first
 * timestamp (registered_at and opened_at may be missing in real exports).
 */
export function eventTimeColumn(table: TableName): string {
  const stamps = Object.entries(CONTRACTS[table].columns).filter(([, c]) => c.meta.kind === 'ts');
  const ts = stamps.find(([, c]) => !c.meta.optional) ?? stamps[0];
  if (!ts) throw new Error(`contract ${table} has no timestamp column`);
  return ts[0];
}

export interface SliceOptions {
  /** Keep rows dated before this date (exclusive). */
  before: string;
  /** Keep rows dated on or after this date; absent: from the beginning. */
  from?: string;
}

/**
 * Writes `<out>/<table>.parquet` for each contract table found as `<src>/<table>.parquet`, so a synthetic history can
 * be
 * delivered week by week the way a real export arrives (each row once, in the week it happened). Returns rows per
 * table.
 */
export async function sliceExport(src: string, out: string, options: SliceOptions): Promise<Record<string, number>> {
  mkdirSync(out, { recursive: true });
  const wh = await Warehouse.open({ path: ':memory:' });
  const rows: Record<string, number> = {};
  try {
    for (const table of TABLE_NAMES) {
      const file = join(src, `${table}.parquet`);
      if (!existsSync(file)) continue;
      // an undated row (no registration date delivered) belongs to the first delivery
      const at = `coalesce(${quoteIdent(eventTimeColumn(table))}, '-infinity'::timestamp)`;
      const where = `${at} < $before::timestamp` + (options.from ? ` and ${at} >= $from::timestamp` : '');
      const params: Record<string, string> = {
        file,
        before: options.before,
        ...(options.from ? { from: options.from } : {}),
      };
      const target = join(out, `${table}.parquet`);
      // COPY takes no bound parameter for its target, hence the quoted literal.
      await wh.run(
        `copy (select * from read_parquet($file) where ${where} order by all) to ${quoteLiteral(target)} (format parquet)`,
        params,
      );
      rows[table] = Number(await wh.scalar<bigint>('select count(*) from read_parquet($target)', { target }));
    }
  } finally {
    wh.close();
  }
  return rows;
}
