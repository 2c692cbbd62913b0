// Binding of $name parameters: DuckDB rejects values for parameters a statement lacks, so each statement gets only its
// own.
import type { DuckDBValue } from '@duckdb/node-api';

/**
 * Quoted text, quoted names and comments (whose `$x` is no parameter), or a `$name` (group 2). A mapping's expressions
 * and column names are spliced into ingest's SQL, so `'$.a'`, `"$col"` and `$$..$$` must not count as parameters.
 */
const TOKENS = /'(?:[^']|'')*'|"(?:[^"]|"")*"|--[^\n]*|\/\*[\s\S]*?\*\/|\$(\w*)\$[\s\S]*?\$\1\$|\$([a-z_][a-z0-9_]*)/gi;

/** The parameter names a statement mentions as $name, in order of first mention. */
function mentionedParams(sql: string): string[] {
  return [...new Set([...sql.matchAll(TOKENS)].flatMap((m) => (m[2] === undefined ? [] : [m[2]])))];
}

/**
 * The subset of params a statement mentions as $name; undefined when it mentions none. Throws, naming them, when the
 * statement mentions a parameter that params lack: better than DuckDB's error at execution, which names no file.
 */
export function boundParams<V extends DuckDBValue>(
  sql: string,
  params: Readonly<Record<string, V>>,
): Record<string, V> | undefined {
  const names = mentionedParams(sql);
  const missing = names.filter((n) => !Object.hasOwn(params, n));
  if (missing.length) throw new Error(`SQL refers to unbound parameter(s) ${missing.map((n) => '$' + n).join(', ')}`);
  if (names.length === 0) return undefined;
  return Object.fromEntries(names.map((n) => [n, params[n] as V]));
}
