// Loads the simulate stage's .sql files (one query per file) and fills {{slots}} with expressions compiled from whitelisted fields.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const SQL_DIR = fileURLToPath(new URL('./sql/', import.meta.url));
const cache = new Map<string, string>();

/** Reads `pipelines/simulate/sql/<name>.sql`; slots are filled only with compiler output, never with user text. */
export function simSql(name: string, slots: Record<string, string> = {}): string {
  let sql = cache.get(name);
  if (sql === undefined) {
    sql = readFileSync(`${SQL_DIR}${name}.sql`, 'utf8');
    cache.set(name, sql);
  }
  return sql.replace(/\{\{(\w+)\}\}/g, (_, slot: string) => {
    const value = slots[slot];
    if (value === undefined) throw new Error(`${name}.sql: slot {{${slot}}} not filled`);
    return value;
  });
}
