// appendColumns writes whole columns in data chunks: the same rows a row-wise appender writes, across chunk edges.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DOUBLE, INTEGER, LIST, VARCHAR, listValue } from '@duckdb/node-api';
import { appendColumns } from '../../../data/warehouse/appendColumns.ts';
import { Warehouse } from '../../../data/warehouse/Warehouse.ts';

let wh: Warehouse;

beforeEach(async () => {
  wh = await Warehouse.open({ path: ':memory:' });
});

afterEach(() => {
  wh.close();
});

describe('appendColumns', () => {
  it('appends text, numbers, lists and NULLs in row order', async () => {
    await wh.run('create temp table t (id varchar, x double, n integer, tags varchar[])');
    await appendColumns(
      wh,
      't',
      [
        { type: VARCHAR, values: ['a', null, 'c'] },
        { type: DOUBLE, values: [1.5, 2, null] },
        { type: INTEGER, values: [null, 7, 8] },
        { type: LIST(VARCHAR), values: [listValue([]), listValue(['x', 'y']), listValue(['z'])] },
      ],
      'temp',
    );
    expect(await wh.all('select * from t')).toEqual([
      { id: 'a', x: 1.5, n: null, tags: [] },
      { id: null, x: 2, n: 7, tags: ['x', 'y'] },
      { id: 'c', x: null, n: 8, tags: ['z'] },
    ]);
  });

  it('keeps every row and their order across several chunks', async () => {
    await wh.run('create table big (i integer, s varchar)');
    const n = 5_000; // more than two chunks of 2,048
    const ids = Array.from({ length: n }, (_, i) => i);
    await appendColumns(wh, 'big', [
      { type: INTEGER, values: ids },
      { type: VARCHAR, values: ids.map((i) => `row ${i}`) },
    ]);
    const rows = await wh.all<{ i: number; s: string }>('select i, s from big');
    expect(rows).toHaveLength(n);
    expect(rows.every((r, k) => r.i === k && r.s === `row ${k}`)).toBe(true);
  });

  it('appends nothing for empty columns', async () => {
    await wh.run('create temp table e (id varchar)');
    await appendColumns(wh, 'e', [{ type: VARCHAR, values: [] }], 'temp');
    expect(await wh.scalar<bigint>('select count(*) from e')).toBe(0n);
  });

  it('refuses columns of different lengths', async () => {
    await wh.run('create temp table u (a varchar, b varchar)');
    await expect(
      appendColumns(
        wh,
        'u',
        [
          { type: VARCHAR, values: ['1', '2'] },
          { type: VARCHAR, values: ['1'] },
        ],
        'temp',
      ),
    ).rejects.toThrow('appendColumns u: columns of 2 and 1 values');
  });
});
