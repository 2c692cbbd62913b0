// DuckDB rejects bound parameters a statement does not use; generated SQL passes only the ones it references.
export function usedParams<T>(sql: string, params: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(params).filter(([k]) => new RegExp(`\\$${k}\\b`).test(sql)));
}
