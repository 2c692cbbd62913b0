// compareRuns: two runs' files match byte for byte, or (JSON, Parquet) up to float rounding; anything else differs.
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { compareFolders, sameJson } from '../../../pipelines/bench/compareRuns.ts';

async function writeParquet(file: string, values: readonly number[]): Promise<void> {
  const instance = await DuckDBInstance.create(':memory:');
  const conn = await instance.connect();
  const rows = values.map((v, i) => `(${i}, ${v.toPrecision(17)}::double)`).join(', ');
  await conn.run(`copy (select * from (values ${rows}) as t(id, x)) to '${file}' (format parquet)`);
  conn.closeSync();
  instance.closeSync();
}

describe('sameJson', () => {
  it('matches numbers at 9 significant digits, keys in any order', () => {
    expect(sameJson({ a: 0.1 + 0.2, b: [1, 'x'] }, { b: [1, 'x'], a: 0.3 })).toBe(true);
    expect(sameJson({ a: 0.3 }, { a: 0.3000001 })).toBe(false);
  });

  it('tells apart other values, lengths and keys', () => {
    expect(sameJson([1, 2], [1, 2, 3])).toBe(false);
    expect(sameJson({ a: 'x' }, { a: 'y' })).toBe(false);
    expect(sameJson({ a: 1 }, { a: 1, b: null })).toBe(false);
    expect(sameJson(null, {})).toBe(false);
  });
});

describe('compareFolders', () => {
  it('passes JSON and Parquet equal up to rounding, and reports other changes and missing files', async () => {
    const root = mkdtempSync(join(tmpdir(), 'compare-runs-'));
    const [a, b] = [join(root, 'a'), join(root, 'b')];
    for (const dir of [a, b]) mkdirSync(join(dir, 'm'), { recursive: true });
    writeFileSync(join(a, 'm', 'model.json'), JSON.stringify({ shap: [0.1 + 0.2] }));
    writeFileSync(join(b, 'm', 'model.json'), JSON.stringify({ shap: [0.3] }));
    writeFileSync(join(a, 'page.html'), '<p>0.30000000000000004</p>');
    writeFileSync(join(b, 'page.html'), '<p>0.3</p>');
    writeFileSync(join(a, 'only.txt'), 'a');
    await writeParquet(join(a, 'close.parquet'), [0.1 + 0.2, 1]);
    await writeParquet(join(b, 'close.parquet'), [0.3, 1]);
    await writeParquet(join(a, 'far.parquet'), [0.3, 1]);
    await writeParquet(join(b, 'far.parquet'), [0.3001, 1]);
    expect(await compareFolders(a, b, 'report')).toEqual([
      { what: 'report far.parquet', detail: 'content differs' },
      { what: 'report only.txt', detail: 'only in a' },
      { what: 'report page.html', detail: 'content differs' },
    ]);
  });
});
