// Loads the report queries from reports/sql/ (one query per file) and fills the {{table}} slot with an allow-listed, quoted name.
import { readFileSync } from 'node:fs';
import { quoteIdent } from '../../pipelines/warehouse/quoteIdent.ts';

const cache = new Map<string, string>();

export const HISTORY_TABLES = ['feat_buyer_history', 'feat_merchant_history', 'score_buyer_history', 'score_merchant_history'] as const;
export type HistoryTable = (typeof HISTORY_TABLES)[number];

export function reportSql(name: string, table?: HistoryTable): string {
  let sql = cache.get(name);
  if (sql === undefined) {
    sql = readFileSync(new URL(`../sql/${name}.sql`, import.meta.url), 'utf8');
    cache.set(name, sql);
  }
  if (!table) return sql;
  if (!HISTORY_TABLES.includes(table)) throw new Error(`reportSql: ${table} is not an allowed history table`);
  return sql.replaceAll('{{table}}', quoteIdent(table));
}

/** DuckDB hands back BIGINT as bigint and DECIMAL/DOUBLE as number; reports want plain numbers. */
export function num(v: unknown): number {
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'number') return v;
  if (v === null || v === undefined) return 0;
  return Number(v);
}

export function numOrNull(v: unknown): number | null {
  return v === null || v === undefined ? null : num(v);
}

export function strList(v: unknown): string[] {
  return Array.isArray(v) ? v.map((x) => String(x)) : [];
}
