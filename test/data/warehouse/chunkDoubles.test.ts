// chunkDoubles reads a result chunk's DOUBLE column as the values getItem gives, NaN and infinities included.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chunkDoubles } from '../../../data/warehouse/chunkDoubles.ts';
import { Warehouse } from '../../../data/warehouse/Warehouse.ts';

let wh: Warehouse;

beforeEach(async () => {
  wh = await Warehouse.open({ path: ':memory:' });
});

afterEach(() => {
  wh.close();
});

async function readAll(sql: string): Promise<{ fast: number[]; slow: (number | null)[] }> {
  const result = await wh.conn.stream(sql);
  const fast: number[] = [];
  const slow: (number | null)[] = [];
  for (let chunk = await result.fetchChunk(); chunk !== null && chunk.rowCount > 0; chunk = await result.fetchChunk()) {
    fast.push(...chunkDoubles(chunk, 0));
    const vector = chunk.getColumnVector(0);
    for (let i = 0; i < chunk.rowCount; i++) slow.push(vector.getItem(i) as number | null);
  }
  return { fast, slow };
}

describe('chunkDoubles', () => {
  it('gives each value of a DOUBLE column, NaN and ±Infinity as they are', async () => {
    const { fast } = await readAll(
      "select * from (values (1.5::double), ('NaN'::double), ('Infinity'::double), ('-Infinity'::double), (-0.25::double))",
    );
    expect(fast).toEqual([1.5, NaN, Infinity, -Infinity, -0.25]);
  });

  it('reads every chunk of a long result in order, equal to getItem where no value is NULL', async () => {
    const { fast, slow } = await readAll(
      "select coalesce(case when i % 7 = 0 then null else i / 3 end, 'NaN'::double) from range(5000) t(i) order by i",
    );
    expect(fast).toHaveLength(5000);
    expect(fast).toEqual(slow);
    expect(fast[7]).toBeNaN();
    expect(fast[4999]).toBeCloseTo(4999 / 3, 12);
  });

  it('reads a constant column (one value for the whole chunk in DuckDB) as that value in every row', async () => {
    const { fast } = await readAll('select 1.5::double from range(3000)');
    expect(fast).toHaveLength(3000);
    expect(new Set(fast)).toEqual(new Set([1.5]));
  });

  it('stops at a NULL rather than read the garbage its slot holds', async () => {
    await expect(
      readAll('select case when i = 2100 then null else i end::double from range(3000) t(i)'),
    ).rejects.toThrow("chunkDoubles: column 0 has a NULL at row 52; select coalesce(x, 'NaN'::double)");
  });

  it('refuses a column that is not DOUBLE rather than read its bytes as doubles', async () => {
    await expect(readAll('select 7::bigint from range(3)')).rejects.toThrow(
      'chunkDoubles: column 0 is not DOUBLE; cast it in the query',
    );
  });
});
