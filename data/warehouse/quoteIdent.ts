// The one quoting helper for identifiers that come from configuration or contracts (never splice raw names into SQL).
export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** A string literal for the rare places DuckDB takes no parameter (e.g. file paths in COPY ... TO). */
export function quoteLiteral(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}
