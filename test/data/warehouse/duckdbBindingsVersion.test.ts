// chunkDoubles hands node-api's chunks to @duckdb/node-bindings: both must be the one native DuckDB.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const json = (path: string) =>
  JSON.parse(readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8')) as {
    version?: string;
    dependencies?: Record<string, string>;
  };

describe('@duckdb/node-bindings', () => {
  it('is pinned to the version @duckdb/node-api itself depends on, and installed at it (one native DuckDB)', () => {
    const api = json('node_modules/@duckdb/node-api/package.json');
    const wanted = api.dependencies?.['@duckdb/node-bindings'];
    expect(wanted).toMatch(/^\d+\.\d+\.\d+/);
    expect(json('package.json').dependencies?.['@duckdb/node-bindings']).toBe(wanted);
    expect(json('node_modules/@duckdb/node-bindings/package.json').version).toBe(wanted);
  });
});
