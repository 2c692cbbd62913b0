// Column types an export writes: counts and money as DOUBLE, dates as YYYY-MM-DD text, zoned timestamps as plain UTC
// timestamps.
import { describe, expect, it } from 'vitest';
import { plainColumn } from '../../../pipelines/export/writeParquet.ts';

describe('plainColumn', () => {
  it.each([
    ['BIGINT', 'cast("c" as DOUBLE) as "c"', 'DOUBLE'],
    ['HUGEINT', 'cast("c" as DOUBLE) as "c"', 'DOUBLE'],
    ['DECIMAL(18,2)', 'cast("c" as DOUBLE) as "c"', 'DOUBLE'],
    ['BIGINT[]', 'cast("c" as DOUBLE[]) as "c"', 'DOUBLE[]'],
    ['DATE', `strftime("c", '%Y-%m-%d') as "c"`, 'VARCHAR'],
    ['TIMESTAMP WITH TIME ZONE', 'cast("c" as TIMESTAMP) as "c"', 'TIMESTAMP'],
    ['TIMESTAMP', '"c"', 'TIMESTAMP'],
    ['INTEGER', '"c"', 'INTEGER'],
    ['DOUBLE', '"c"', 'DOUBLE'],
    ['VARCHAR[]', '"c"', 'VARCHAR[]'],
    ['BOOLEAN', '"c"', 'BOOLEAN'],
  ])('%s → %s', (type, expr, out) => {
    expect(plainColumn('c', type)).toEqual({ expr, type: out });
  });

  it('quotes odd column names', () => {
    expect(plainColumn('a "b"', 'BIGINT').expr).toBe('cast("a ""b""" as DOUBLE) as "a ""b"""');
  });
});
