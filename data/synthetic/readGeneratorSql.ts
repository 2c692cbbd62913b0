// Loads one generator query from data/synthetic/sql/<name>.sql (one query per file), cached after the first read.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const SQL_DIR = new URL('./sql/', import.meta.url);
const cache = new Map<string, string>();

export function readGeneratorSql(name: string): string {
  let sql = cache.get(name);
  if (sql === undefined) {
    sql = readFileSync(fileURLToPath(new URL(`${name}.sql`, SQL_DIR)), 'utf8');
    cache.set(name, sql);
  }
  return sql;
}
