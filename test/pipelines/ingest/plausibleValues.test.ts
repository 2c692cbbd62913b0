// One value never refuses a week (issue 21, failures 3 and 4): impossible timestamps, numbers in other notations and
// timestamps in an impossible order are quarantined row by row; an empty file is reported and skipped.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { configSchema } from '../../../data/config/configSchema.ts';
import { ingestInto } from '../../../pipelines/ingest/runIngest.ts';
import { timestampRange } from '../../../pipelines/ingest/timestampRange.ts';
import { Warehouse } from '../../../data/warehouse/Warehouse.ts';
import { goodRows, tempDir, writeTables } from './fixtures.ts';
import { memoryWarehouse } from './ingestHelpers.ts';
import { tried, tries } from '../../support/badInputs.ts';

const AS_OF = '2026-11-02';
const timestamps = timestampRange(configSchema.parse({}), AS_OF);
const RANGE_RULE =
  'timestamp outside the plausible range 2000-01-01 to 2036-11-02 (config ingest.earliestTimestamp, ingest.yearsAhead)';
const NOT_TS = 'not a valid timestamp (ISO 8601 expected)';

let wh: Warehouse | undefined;
afterEach(() => {
  wh?.close();
  wh = undefined;
});

async function rules(w: Warehouse, table: string): Promise<[string | null, string | null, string | null, string][]> {
  const rows = await w.all<{ key: string | null; column: string | null; value: string | null; rule: string }>(
    'select row_key as key, column_name as column, value, rule from quarantine where table_name = $t order by row_number, column_name',
    { t: table },
  );
  return rows.map((r) => [r.key, r.column, r.value, r.rule]);
}

describe('timestamps outside the plausible range or not ISO 8601', () => {
  it('quarantines infinity, epoch, year 1 and 294247, BC dates and a far future; a named zone loads beside them (failures 3, 4)', async () => {
    const values = tries([
      'infinity',
      '-infinity',
      'epoch',
      '0001-01-01',
      '294247-01-10',
      '290309-12-22 (BC) 00:00:00',
      '1999-12-31T23:59:59Z',
      '2036-11-02',
      'now',
    ]);
    const buyers = [
      { buyer_id: 'b1', registered_at: '2026-03-01 10:00:00 America/New_York', region: null },
      { buyer_id: 'b2', registered_at: '2036-11-01T23:59:59Z', region: null },
      ...values.map((v, i) => ({ buyer_id: `x${i}`, registered_at: v, region: null })),
    ];
    wh = await memoryWarehouse();
    const result = await ingestInto(wh, { from: writeTables(tempDir(), { ...goodRows(), buyers }), timestamps });
    expect(result!.tables.find((t) => t.table === 'buyers')).toMatchObject({ read: 11, loaded: 2, quarantined: 9 });
    expect(await rules(wh, 'buyers')).toEqual([
      ['x0', 'registered_at', 'infinity', NOT_TS],
      ['x1', 'registered_at', '-infinity', NOT_TS],
      ['x2', 'registered_at', 'epoch', NOT_TS],
      ['x3', 'registered_at', '0001-01-01', RANGE_RULE],
      ['x4', 'registered_at', '294247-01-10', NOT_TS],
      ['x5', 'registered_at', '290309-12-22 (BC) 00:00:00', NOT_TS],
      ['x6', 'registered_at', '1999-12-31T23:59:59Z', RANGE_RULE],
      ['x7', 'registered_at', '2036-11-02', RANGE_RULE],
      ['x8', 'registered_at', 'now', NOT_TS],
    ]);
    expect(
      await wh.all("select buyer_id, strftime(registered_at, '%Y-%m-%d %H:%M:%S') as at from buyers order by 1"),
    ).toEqual([
      { buyer_id: 'b1', at: '2026-03-01 15:00:00' },
      { buyer_id: 'b2', at: '2036-11-01 23:59:59' },
    ]);
  });

  it('converts a named zone for its own value alone, and quarantines zone abbreviations as ambiguous', async () => {
    // DuckDB's cast read the values after one with a named zone in that zone: b2 and b3 loaded 8 hours early
    const buyers = [
      { buyer_id: 'b1', registered_at: '2026-10-21 10:00:00 Asia/Shanghai', region: null },
      { buyer_id: 'b2', registered_at: '2026-10-21 10:00:00', region: null },
      { buyer_id: 'b3', registered_at: '2026-10-21T11:30:00', region: null },
      { buyer_id: 'b4', registered_at: '2026-10-21 10:00:00+08:00', region: null },
      { buyer_id: 'b5', registered_at: '2026-10-21T10:00:00Z', region: null },
      { buyer_id: 'b6', registered_at: '2026-10-21 10:00:00 UTC', region: null },
      { buyer_id: 'b7', registered_at: '2026-10-21 America/New_York', region: null },
      { buyer_id: 'x1', registered_at: '2026-10-21 10:00:00 CST', region: null },
      { buyer_id: 'x2', registered_at: '2026-10-21 10:00:00 EST', region: null },
      { buyer_id: 'x3', registered_at: '2026-10-21 10:00:00 Mars/Olympus_Mons', region: null },
      { buyer_id: 'x4', registered_at: '2026-02-30 10:00:00 Asia/Shanghai', region: null },
    ];
    wh = await memoryWarehouse();
    const result = await ingestInto(wh, { from: writeTables(tempDir(), { ...goodRows(), buyers }), timestamps });
    expect(result!.tables.find((t) => t.table === 'buyers')).toMatchObject({ read: 11, loaded: 7, quarantined: 4 });
    const ZONE =
      'time zone is not a zone name: give an offset (+08:00) or an IANA name (Asia/Shanghai); an abbreviation such as CST is ambiguous (US Central or China)';
    expect(await rules(wh, 'buyers')).toEqual([
      ['x1', 'registered_at', '2026-10-21 10:00:00 CST', ZONE],
      ['x2', 'registered_at', '2026-10-21 10:00:00 EST', ZONE],
      ['x3', 'registered_at', '2026-10-21 10:00:00 Mars/Olympus_Mons', ZONE],
      ['x4', 'registered_at', '2026-02-30 10:00:00 Asia/Shanghai', NOT_TS],
    ]);
    expect(
      await wh.all("select buyer_id, strftime(registered_at, '%Y-%m-%d %H:%M:%S') as at from buyers order by 1"),
    ).toEqual([
      { buyer_id: 'b1', at: '2026-10-21 02:00:00' },
      { buyer_id: 'b2', at: '2026-10-21 10:00:00' },
      { buyer_id: 'b3', at: '2026-10-21 11:30:00' },
      { buyer_id: 'b4', at: '2026-10-21 02:00:00' },
      { buyer_id: 'b5', at: '2026-10-21 10:00:00' },
      { buyer_id: 'b6', at: '2026-10-21 10:00:00' },
      { buyer_id: 'b7', at: '2026-10-21 04:00:00' },
    ]);
  });

  it('checks native Parquet timestamps and dates against the same range', async () => {
    tried(2); // infinity, 1970
    const dir = writeTables(tempDir(), goodRows());
    const { rmSync } = await import('node:fs');
    rmSync(join(dir, 'buyers.csv'));
    const tmp = await memoryWarehouse();
    await tmp.run(
      `copy (select * from (values ('p1', 'infinity'::TIMESTAMP), ('p2', '1970-01-01'::TIMESTAMP), ('p3', '2025-05-05 05:05:05'::TIMESTAMP)) t(buyer_id, registered_at))
       to '${join(dir, 'buyers.parquet')}' (format parquet)`,
    );
    tmp.close();
    wh = await memoryWarehouse();
    await ingestInto(wh, { from: dir, timestamps });
    expect((await rules(wh, 'buyers')).map((r) => [r[0], r[3]])).toEqual([
      ['p1', RANGE_RULE],
      ['p2', RANGE_RULE],
    ]);
  });
});

describe('money and ratings only as plain decimals', () => {
  it('quarantines 1e3, 1_000, 12.5e-1, +5 and padded numbers; plain decimals load (failure 4)', async () => {
    const rows = goodRows();
    const base = rows.orders[0]!;
    const amounts = tries(['1e3', '1_000', '12.5e-1', '+5', ' 12 ', '0x10', 'NaN', '12.50', '.5', '7']);
    tried(1); // a rating of 1e0
    rows.orders = [base, ...amounts.map((amount, i) => ({ ...base, order_id: `o${i + 10}`, amount }))];
    rows.reviews = [{ ...rows.reviews[0]!, rating: '1e0' }];
    wh = await memoryWarehouse();
    await ingestInto(wh, { from: writeTables(tempDir(), rows), timestamps });
    const nan = 'not a number (decimal expected)';
    expect(await rules(wh, 'orders')).toEqual(amounts.slice(0, 7).map((a, i) => [`o${i + 10}`, 'amount', a, nan]));
    expect(await wh.all('select order_id, amount from orders order by amount')).toEqual([
      { order_id: 'o18', amount: 0.5 },
      { order_id: 'o19', amount: 7 },
      { order_id: 'o17', amount: 12.5 },
      { order_id: 'o1', amount: 19.9 },
    ]);
    expect(await rules(wh, 'reviews')).toEqual([['v1', 'rating', '1e0', 'not a whole number']]);
  });
});

describe('timestamps of one row in an impossible order', () => {
  it('quarantines a refund decided before it was requested and an order delivered before it shipped (failure 4)', async () => {
    tried(2); // decided before requested, delivered before shipped
    const rows = goodRows();
    rows.refund_requests[0]!.decided_at = '2026-03-03T08:00:00Z';
    rows.orders[0]!.delivered_at = '2026-03-01T12:00:00Z';
    rows.refund_requests = rows.refund_requests.map((r) => ({ ...r, order_id: 'o2' }));
    rows.reviews = rows.reviews.map((r) => ({ ...r, order_id: 'o2' }));
    rows.service_tickets = rows.service_tickets.map((r) => ({ ...r, order_id: 'o2' }));
    wh = await memoryWarehouse();
    await ingestInto(wh, { from: writeTables(tempDir(), rows), timestamps });
    expect(await rules(wh, 'orders')).toEqual([
      ['o1', 'delivered_at', '2026-03-01T12:00:00Z', 'must not be before shipped_at'],
    ]);
    expect(await rules(wh, 'refund_requests')).toEqual([
      ['r1', 'decided_at', '2026-03-03T08:00:00Z', 'must not be before requested_at'],
    ]);
  });
});

describe('rows against their parent order', () => {
  it('quarantines a refund requested before its order and a review written before it; a larger refund loads', async () => {
    tried(2); // refund before its order, review before its order
    const rows = goodRows();
    const r1 = rows.refund_requests[0]!;
    rows.refund_requests = [
      { ...r1, request_id: 'early', requested_at: '2026-02-20T08:00:00Z', decided_at: '2026-02-21T08:00:00Z' },
      // shipping or compensation can take a refund beyond a merchant order's amount: loaded as delivered
      { ...r1, request_id: 'above', amount: '25.00' },
    ];
    rows.reviews = [{ ...rows.reviews[0]!, review_id: 'v-early', created_at: '2026-02-27T09:00:00Z' }];
    wh = await memoryWarehouse();
    await ingestInto(wh, { from: writeTables(tempDir(), rows), timestamps });
    expect(await rules(wh, 'refund_requests')).toEqual([
      [
        'early',
        'requested_at',
        '2026-02-20 08:00:00 (order o1: 2026-03-01 10:00:00)',
        "must not be before the order's created_at",
      ],
    ]);
    expect(await rules(wh, 'reviews')).toEqual([
      [
        'v-early',
        'created_at',
        '2026-02-27 09:00:00 (order o1: 2026-03-01 10:00:00)',
        "must not be before the order's created_at",
      ],
    ]);
    expect(await wh.all('select request_id from refund_requests')).toEqual([{ request_id: 'above' }]);
  });
});

describe('an empty file', () => {
  it('is reported and skipped: the good files of the week load (failure 3)', async () => {
    tried(1); // a 0-byte file
    const warnings: string[] = [];
    const log = { warn: (m: string) => warnings.push(m), detail: () => {}, progress: () => {}, info: () => {} };
    wh = await memoryWarehouse();
    await ingestInto(wh, { from: writeTables(tempDir(), goodRows()), timestamps });
    const week2 = tempDir('week2');
    writeFileSync(join(week2, 'orders_w2.csv'), '');
    writeTables(week2, { buyers: [{ buyer_id: 'b3', registered_at: '2026-01-01', region: null }] }, 'csv', '_w2');
    const result = await ingestInto(wh, { from: week2, timestamps }, log as never);
    expect(result!.tables.map((t) => [t.table, t.loaded])).toEqual([['buyers', 1]]);
    expect(warnings).toEqual(['orders_w2.csv: empty file (0 bytes), skipped']);
  });

  it('counts as delivered on a first load', async () => {
    tried(1); // a 0-byte file
    const dir = writeTables(tempDir(), goodRows());
    writeFileSync(join(dir, 'investigations.csv'), '');
    wh = await memoryWarehouse();
    const result = await ingestInto(wh, { from: dir, timestamps });
    expect(result!.tables.map((t) => t.table)).not.toContain('investigations');
    expect(await wh.tableExists('investigations')).toBe(true);
  });
});
