// The one loader of .sql files (one query per file, beside the code that runs it): cached reads and {{slot}} filling.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const cache = new Map<string, string>();

/**
 * Reads a .sql file given as a URL relative to the caller (`new URL('./sql/x.sql', import.meta.url)`).
 * `slots` fill `{{name}}` placeholders; callers pass only trusted SQL (quoted identifiers, compiled
 * expressions), never user text, which travels as bound parameters. An unfilled slot is an error.
 */
export function readSql(file: URL, slots: Record<string, string> = {}): string {
  const path = fileURLToPath(file);
  let sql = cache.get(path);
  if (sql === undefined) {
    sql = readFileSync(path, 'utf8');
    cache.set(path, sql);
  }
  return sql.replace(/\{\{(\w+)\}\}/g, (_, slot: string) => {
    const value = slots[slot];
    if (value === undefined) throw new Error(`${path}: slot {{${slot}}} not filled`);
    return value;
  });
}
