// A DuckDB error raised by a mapping's SQL, as one line naming the mapping key, the line of the SQL and the fix.

/** Lines a wrapper puts before an expression's own text (see expressionQuery). */
export const EXPRESSION_PREFIX_LINES = 1;

/** An expression as a query DuckDB can parse or bind on its own; its first line is line 2. */
export function expressionQuery(expr: string, from?: string): string {
  return `select (\n${expr}\n) as x${from ? ` from ${from}` : ''}`;
}

/** `LINE n:` of a DuckDB parser or binder message, in the SQL's own numbering. */
function sqlLine(message: string, prefixLines: number): number | undefined {
  const m = /\nLINE (\d+):/.exec(message);
  return m ? Math.max(1, Number(m[1]) - prefixLines) : undefined;
}

/** The path a "Permission Error: Cannot access file" names. */
function refusedPath(message: string): string | undefined {
  return /^Permission Error: Cannot access (?:file|directory) "([^"]*)"/.exec(message)?.[1];
}

/**
 * Lines of `text` before `fragment` (the mapping's own SQL spliced into it), to number errors in the SQL's own lines.
 */
export function linesBefore(text: string, fragment: string): number {
  const at = text.indexOf(fragment);
  return at < 0 ? 0 : text.slice(0, at).split('\n').length - 1;
}

/** `key <key>: <what went wrong>; <fix>` for a DuckDB error from a mapping's SQL. */
export function describeSqlError(key: string, err: unknown, from: string, prefixLines = 0): string {
  const message = err instanceof Error ? err.message : String(err);
  const path = refusedPath(message);
  if (path !== undefined) {
    return `key ${key}: reads ${path}, outside --from ${from}; a mapping may read only files under --from (paths relative to it, no symlink out of it)`;
  }
  const line = sqlLine(message, prefixLines);
  const first = message
    .split('\n')[0]!
    .replace(/^Failed to extract statements: /, '')
    .trim();
  const fix = /^Conversion Error/.test(first)
    ? '; use try_cast (or try(...)) so a bad value is quarantined instead of failing the load'
    : '';
  return `key ${key}: SQL error${line === undefined ? '' : ` at line ${line}`}: ${first}${fix}`;
}
