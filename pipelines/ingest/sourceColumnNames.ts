// The names a file's own columns get in ingest's relations: unique (DuckDB compares names case-insensitively) and clear
// of
// the columns ingest adds, so a header with `rowid`, `__row`, two `id`s or an empty name reads like any other.

/** Columns ingest adds beside a file's own (see sql/stage/). */
export const INTERNAL_COLUMNS = ['__file', '__row', '__line', '__trustlens_row', '__trustlens_line'] as const;

/**
 * Each name as given, except: an empty name becomes `column<i>` (0-based, as DuckDB names it), and a name already taken
 * (case-insensitively, or by an internal column) gets the first free suffix `_1`, `_2`, ….
 */
export function sourceColumnNames(header: readonly string[]): string[] {
  const taken = new Set<string>(INTERNAL_COLUMNS);
  return header.map((raw, i) => {
    const base = raw === '' ? `column${i}` : raw;
    let name = base;
    for (let k = 1; taken.has(name.toLowerCase()); k++) name = `${base}_${k}`;
    taken.add(name.toLowerCase());
    return name;
  });
}
