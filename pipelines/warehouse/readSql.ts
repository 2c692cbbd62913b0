// Loads a .sql file that lives beside the code (one query per file), cached after the first read.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';

const SQL_ROOT = fileURLToPath(new URL('../sql/', import.meta.url));
const cache = new Map<string, string>();

/** Reads `pipelines/sql/<relPath>`; the path is relative to that folder. */
export function readSql(relPath: string): string {
  const path = resolve(SQL_ROOT, relPath);
  let sql = cache.get(path);
  if (sql === undefined) {
    sql = readFileSync(path, 'utf8');
    cache.set(path, sql);
  }
  return sql;
}
