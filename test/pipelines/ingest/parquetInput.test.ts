// Parquet input is checked on its own types: native timestamps, decimals and integers pass through, odd types are
// checked as text.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestInto } from '../../../pipelines/ingest/runIngest.ts';
import { quoteLiteral } from '../../../data/warehouse/quoteIdent.ts';
import { goodRows, tempDir, writeTables } from './fixtures.ts';
import { memoryWarehouse, quarantineRows } from './ingestHelpers.ts';

describe('parquet input', () => {
  it('accepts native types, quarantines typed values that break the contract, numbers rows from 1', async () => {
    const dir = writeTables(tempDir('pq'), goodRows());
    const wh = await memoryWarehouse();
    const file = join(dir, 'reviews_typed.parquet');
    await wh.run(
      `copy (select * from (values
         ('p1', 'o1', 5::DOUBLE, 4::BIGINT, NULL::BIGINT, 3::BIGINT, 'ok', TIMESTAMPTZ '2026-03-04 17:00:00+08:00'),
         ('p2', 'o1', 4.5::DOUBLE, 9::BIGINT, NULL, NULL, NULL, TIMESTAMPTZ '2026-03-04 09:00:00+00'),
         ('p3', 'o2', 2::DOUBLE, NULL, NULL, NULL, '', NULL)
       ) t(review_id, order_id, rating, described, service, logistics, text, created_at)) to ${quoteLiteral(file)} (format parquet)`,
    );
    const result = await ingestInto(wh, { from: dir });
    expect(result!.tables.find((t) => t.table === 'reviews')).toMatchObject({
      files: 2,
      read: 4,
      loaded: 2,
      quarantined: 2,
    });
    expect(await quarantineRows(wh)).toEqual([
      {
        table_name: 'reviews',
        source_file: 'reviews_typed.parquet',
        row_number: 2,
        column_name: 'described',
        value: '9',
        rule: 'must be between 1 and 5',
      },
      {
        table_name: 'reviews',
        source_file: 'reviews_typed.parquet',
        row_number: 2,
        column_name: 'rating',
        value: '4.5',
        rule: 'not a whole number',
      },
      {
        table_name: 'reviews',
        source_file: 'reviews_typed.parquet',
        row_number: 3,
        column_name: 'created_at',
        value: null,
        rule: 'required value missing',
      },
    ]);
    expect(await wh.all(`select review_id, rating, described, created_at from reviews where review_id = 'p1'`)).toEqual(
      [{ review_id: 'p1', rating: 5, described: 4, created_at: new Date('2026-03-04T09:00:00Z') }],
    );
    wh.close();
  });
});
