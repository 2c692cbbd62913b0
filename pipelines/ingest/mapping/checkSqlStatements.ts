// Checks each piece of a mapping's SQL with DuckDB's own parser: exactly one statement, and a read-only SELECT.
import { DuckDBInstance } from '@duckdb/node-api';
import { describeSqlError, EXPRESSION_PREFIX_LINES, expressionQuery } from './sqlError.ts';
import type { SqlPiece } from './sqlPieces.ts';

const SELECT_ONLY =
  'a mapping runs one read-only SELECT (mapping files are code: no DDL, DML, COPY, ATTACH, PRAGMA or SET)';

/** One problem line per piece that is not exactly one SELECT statement. Nothing is executed: DuckDB only parses. */
export async function checkSqlStatements(pieces: readonly SqlPiece[]): Promise<string[]> {
  if (pieces.length === 0) return [];
  const instance = await DuckDBInstance.create(':memory:', { enable_external_access: 'false' });
  const conn = await instance.connect();
  const problems: string[] = [];
  try {
    for (const p of pieces) {
      const text = p.kind === 'query' ? p.sql : expressionQuery(p.sql);
      const prefix = p.kind === 'query' ? 0 : EXPRESSION_PREFIX_LINES;
      let count: number;
      try {
        count = (await conn.extractStatements(text)).count;
      } catch (err) {
        problems.push(describeSqlError(p.key, err, '', prefix));
        continue;
      }
      if (count !== 1) {
        problems.push(`key ${p.key}: holds ${count} SQL statements; ${SELECT_ONLY}`);
        continue;
      }
      // DuckDB serializes only SELECT statements: its parser, not a pattern, decides what the statement is.
      const reader = await conn.runAndReadAll('select json_serialize_sql($sql::VARCHAR) as j', { sql: text });
      const parsed = JSON.parse(String(reader.getRowObjectsJS()[0]!.j)) as { error?: boolean };
      if (parsed.error) {
        const verb = /^\s*(?:--[^\n]*\n\s*)*([A-Za-z]+)/.exec(p.sql)?.[1]?.toUpperCase() ?? 'a statement';
        problems.push(
          `key ${p.key}: is ${verb === 'a statement' ? verb : `${/^[AEIOU]/.test(verb) ? 'an' : 'a'} ${verb} statement`}, not a SELECT; ${SELECT_ONLY}`,
        );
      }
    }
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
  return problems;
}
