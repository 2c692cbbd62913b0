// Runs one export query into a Parquet file with types every reader handles (no BIGINT, DECIMAL or zoned timestamps).
import type { DuckDBValue } from '@duckdb/node-api';
import type { Warehouse } from '../../data/warehouse/Warehouse.ts';
import { quoteIdent, quoteLiteral } from '../../data/warehouse/quoteIdent.ts';
import type { ExportColumn } from './exportManifest.ts';

/**
 * The select expression that makes a column plain for browsers: JS readers turn INT64 into BigInt and DECIMAL into
 * scaled integers, so counts and money travel as DOUBLE; dates travel as 'YYYY-MM-DD' strings so they compare as keys.
 */
export function plainColumn(name: string, type: string): { expr: string; type: string } {
  const col = quoteIdent(name);
  const list = type.endsWith('[]') ? '[]' : '';
  const base = list ? type.slice(0, -2) : type;
  if (/^(BIGINT|HUGEINT|UBIGINT|UHUGEINT|UINTEGER|DECIMAL\(\d+,\s*\d+\))$/.test(base)) {
    return { expr: `cast(${col} as DOUBLE${list}) as ${col}`, type: `DOUBLE${list}` };
  }
  if (base === 'DATE' && !list) return { expr: `strftime(${col}, '%Y-%m-%d') as ${col}`, type: 'VARCHAR' };
  if (/^TIMESTAMP/.test(base) && base !== 'TIMESTAMP') {
    return { expr: `cast(${col} as TIMESTAMP${list}) as ${col}`, type: `TIMESTAMP${list}` };
  }
  return { expr: col, type };
}

/**
 * Writes `sql` (with its bound params) to `file` as Parquet; returns the row count and the written column types. The
 * query streams into the file: an empty run of it gives the column types, so no copy of a million rows is staged first.
 */
export async function writeParquet(
  wh: Warehouse,
  sql: string,
  params: Record<string, DuckDBValue> | undefined,
  file: string,
): Promise<{ rows: number; columns: ExportColumn[] }> {
  // The query goes inside a subquery (on lines of its own, so a closing -- comment cannot swallow the parenthesis): a
  // statement's closing semicolon would end it early.
  const query = sql.trimEnd().replace(/;$/, '');
  const temp = quoteIdent('export_stage');
  await wh.run(`create or replace temp table ${temp} as select * from (\n${query}\n) limit 0`, params);
  let described: { column_name: string; column_type: string }[];
  try {
    described = await wh.all<{ column_name: string; column_type: string }>(`describe ${temp}`);
  } finally {
    await wh.run(`drop table if exists ${temp}`);
  }
  const plain = described.map((c) => ({ name: c.column_name, ...plainColumn(c.column_name, c.column_type) }));
  const select = plain.length ? plain.map((c) => c.expr).join(', ') : '*';
  const written = await wh.all<{ Count: bigint }>(
    `copy (select ${select} from (\n${query}\n)) to ${quoteLiteral(file)} (format parquet, compression snappy)`,
    params,
  );
  return { rows: Number(written[0]?.Count ?? 0n), columns: plain.map((c) => ({ name: c.name, type: c.type })) };
}
