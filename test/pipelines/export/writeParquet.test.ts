// Column types an export writes: counts and money as DOUBLE, dates as YYYY-MM-DD text, zoned timestamps as plain UTC
// timestamps.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { plainColumn, writeParquet } from '../../../pipelines/export/writeParquet.ts';
import { Warehouse } from '../../../data/warehouse/Warehouse.ts';

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

describe('writeParquet', () => {
  it("streams a dataset query into the file in the query's order, with plain types, whatever its last line", async () => {
    const wh = await Warehouse.open({ path: ':memory:' });
    const dir = mkdtempSync(join(tmpdir(), 'trustlens-parquet-'));
    try {
      await wh.run(
        "create table scores as select * from (values ('b1', 0.2, 3::bigint, date '2026-11-02'), ('b2', 0.9, 1::bigint, date '2026-11-02'), ('b3', 0.5, 2::bigint, date '2026-10-26')) t(buyer_id, risk, n, as_of)",
      );
      const sql = `-- a dataset query as the export folder holds them
with final as (
  select * from scores where as_of = $as_of::date
  order by risk desc, buyer_id
)
select * from final -- the week's rows, riskiest first
;
`;
      const file = join(dir, 'scores.parquet');
      const written = await writeParquet(wh, sql, { as_of: '2026-11-02' }, file);
      expect(written).toEqual({
        rows: 2,
        columns: [
          { name: 'buyer_id', type: 'VARCHAR' },
          { name: 'risk', type: 'DOUBLE' }, // a DECIMAL(2,1) in the warehouse
          { name: 'n', type: 'DOUBLE' }, // a BIGINT
          { name: 'as_of', type: 'VARCHAR' },
        ],
      });
      const back = await wh.all(`select * from read_parquet($file)`, { file });
      expect(back).toEqual([
        { buyer_id: 'b2', risk: 0.9, n: 1, as_of: '2026-11-02' },
        { buyer_id: 'b1', risk: 0.2, n: 3, as_of: '2026-11-02' },
      ]);
    } finally {
      wh.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
