// Column mappings: the shipped marketplace-export example loads into contract rows; a bad mapping reports every problem
// by key.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadMapping } from '../../../pipelines/ingest/mapping/loadMapping.ts';
import { ingestInto } from '../../../pipelines/ingest/runIngest.ts';
import { goodRows, tempDir, writeTables } from './fixtures.ts';
import { memoryWarehouse, quarantineRows } from './ingestHelpers.ts';
import { tried } from '../../support/badInputs.ts';

const EXAMPLE = fileURLToPath(new URL('../../../data/mappings/marketplace-export', import.meta.url));
const ts = (iso: string) => new Date(iso);

describe('mapping example: marketplace-export', () => {
  it('loads Chinese columns, fen amounts, epoch timestamps and Chinese labels as contract rows', async () => {
    const wh = await memoryWarehouse();
    const result = await ingestInto(wh, { from: EXAMPLE, mapping: `${EXAMPLE}.yaml` });
    expect(result!.tables.map((t) => [t.table, t.read, t.loaded, t.quarantined])).toEqual([
      ['buyers', 2, 2, 0],
      ['merchants', 2, 2, 0],
      ['orders', 3, 3, 0],
      ['refund_requests', 3, 3, 0],
      ['reviews', 2, 1, 1],
      ['service_tickets', 1, 1, 0],
      ['merchant_actions', 1, 1, 0],
      ['investigations', 1, 1, 0],
    ]);
    expect(await wh.all('select * from buyers order by 1')).toEqual([
      { buyer_id: 'U1001', registered_at: ts('2025-01-02T03:04:05Z'), region: '上海' },
      { buyer_id: 'U1002', registered_at: ts('2025-02-01T00:00:00Z'), region: null },
    ]);
    expect(await wh.all('select merchant_id, name, main_category from merchants order by 1')).toEqual([
      { merchant_id: 'S01', name: '鲜果铺 🍑 "直发"', main_category: 'fresh_food' },
      { merchant_id: 'S02', name: '数码小站', main_category: 'electronics' },
    ]);
    expect(await wh.all('select * from orders order by 1')).toEqual([
      {
        order_id: 'D9001',
        buyer_id: 'U1001',
        merchant_id: 'S01',
        parent_order_id: null,
        category: 'fresh_food',
        category_source: null,
        amount: 19.9,
        created_at: ts('2026-03-01T10:00:00Z'),
        promised_ship_by: ts('2026-03-02T10:00:00Z'),
        shipped_at: ts('2026-03-01T18:00:00Z'),
        delivered_at: ts('2026-03-03T09:00:00Z'),
        cancelled_at: null,
        address_key: 'addr-7f3a',
        device_key: 'dev-19c2',
        payment_key: 'pay-88e1',
      },
      {
        order_id: 'D9002',
        buyer_id: 'U1002',
        merchant_id: 'S02',
        parent_order_id: null,
        category: 'electronics',
        category_source: null,
        amount: 4599,
        created_at: ts('2026-03-05T10:00:00Z'),
        promised_ship_by: null,
        shipped_at: null,
        delivered_at: null,
        cancelled_at: ts('2026-03-05T11:00:00Z'),
        address_key: null,
        device_key: null,
        payment_key: null,
      },
      // 玩具 (toys) is no policy category: it loads as other, the code kept beside it.
      {
        order_id: 'D9003',
        buyer_id: 'U1001',
        merchant_id: 'S02',
        parent_order_id: null,
        category: 'other',
        category_source: '玩具',
        amount: 10,
        created_at: ts('2026-03-05T10:00:00Z'),
        promised_ship_by: null,
        shipped_at: null,
        delivered_at: null,
        cancelled_at: null,
        address_key: null,
        device_key: null,
        payment_key: null,
      },
    ]);
    expect(await wh.all('select * from refund_requests order by 1')).toEqual([
      {
        request_id: 'A1',
        order_id: 'D9001',
        requested_at: ts('2026-03-04T08:00:00Z'),
        kind: 'refund_only',
        reason: 'not_received',
        amount: 19.9,
        status: 'approved',
        merchant_responded_at: null,
        decided_at: ts('2026-03-05T08:00:00Z'),
        decided_by: 'auto',
        escalated: false,
        returned_at: null,
      },
      {
        request_id: 'A2',
        order_id: 'D9002',
        requested_at: ts('2026-03-06T01:00:00Z'),
        kind: 'return_and_refund',
        reason: 'no_reason_7day',
        amount: 4599,
        status: 'pending',
        merchant_responded_at: ts('2026-03-06T02:00:00Z'),
        decided_at: null,
        decided_by: null,
        escalated: true,
        returned_at: null,
      },
      {
        request_id: 'A3',
        order_id: 'D9404',
        requested_at: ts('2026-03-06T01:00:00Z'),
        kind: 'refund_only',
        reason: 'other',
        amount: 1,
        status: 'rejected',
        merchant_responded_at: null,
        decided_at: null,
        decided_by: null,
        escalated: false,
        returned_at: null,
      },
    ]);
    expect(await wh.all('select * from reviews')).toEqual([
      {
        review_id: 'R1',
        order_id: 'D9001',
        rating: 1,
        described: 2,
        service: null,
        logistics: 5,
        text: '没收到\n<b>差评</b>',
        created_at: ts('2026-03-04T09:00:00Z'),
      },
    ]);
    expect(await quarantineRows(wh)).toEqual([
      {
        table_name: 'reviews',
        source_file: 'ratings.ndjson',
        row_number: 2,
        column_name: 'rating',
        value: '6',
        rule: 'must be between 1 and 5',
      },
    ]);
    // A3's order D9404 is in no delivery: requested within 90 days of the first order, it loads with a flag.
    expect(result!.tables.find((t) => t.table === 'refund_requests')!.flagged).toBe(1);
    expect(
      await wh.all('select table_name, source_file, row_number, column_name, value, flag from load_flags'),
    ).toEqual([
      {
        table_name: 'refund_requests',
        source_file: 'after_sales.csv',
        row_number: 3n,
        column_name: 'order_id',
        value: 'D9404',
        flag: 'unknown order_id: loaded anyway, its order most likely predates the first delivered week (within 90 days of the first order)',
      },
    ]);
    // The same export again is nothing new.
    expect(await ingestInto(wh, { from: EXAMPLE, mapping: `${EXAMPLE}.yaml` })).toBeNull();
    wh.close();
  });
});

describe('mapped sources read twice', () => {
  it('numbers a SQL source by its result order even when it has its own rowid column', async () => {
    const { buyers: _buyers, ...rest } = goodRows();
    const dir = writeTables(tempDir(), rest);
    // An export with an integer rowid column (a SQLite dump, say); b1 comes again, changed, as record 3.
    writeFileSync(
      join(dir, 'members.csv'),
      'rowid,buyer_id,registered_at,region\n1,b1,2025-01-02T03:04:05Z,CN-31\n2,b2,2025-02-01 08:00:00+08:00,\n1,b1,2025-01-09T00:00:00Z,CN-31\n',
    );
    writeFileSync(
      join(dir, 'map.yaml'),
      `tables:\n  buyers:\n    files: members.csv\n    sql: select * from read_csv('members.csv', header = true)\n`,
    );
    const wh = await memoryWarehouse();
    const result = await ingestInto(wh, { from: dir, mapping: join(dir, 'map.yaml') });
    expect(result!.tables.find((t) => t.table === 'buyers')).toEqual({
      table: 'buyers',
      files: 1,
      read: 3,
      loaded: 2,
      quarantined: 1,
      inserted: 2,
      updated: 0,
      duplicate: 0,
      filtered: 0,
      knownAt: expect.any(String),
    });
    expect(
      await wh.all("select buyer_id, strftime(registered_at, '%Y-%m-%d') as day from buyers order by buyer_id"),
    ).toEqual([
      { buyer_id: 'b1', day: '2025-01-02' },
      { buyer_id: 'b2', day: '2025-02-01' },
    ]);
    expect(await quarantineRows(wh)).toEqual([
      {
        table_name: 'buyers',
        source_file: 'members.csv',
        row_number: 3,
        column_name: 'registered_at',
        value: '2025-01-02 03:04:05 → 2025-01-09 00:00:00',
        rule: 'conflict: registered_at may not change after delivery (value: kept → delivered)',
      },
    ]);
    wh.close();
  });

  it('names the mapping key and the line when a mapped expression of an unchecked column raises, and loads nothing', async () => {
    tried(1); // an expression that raises
    const dir = writeTables(tempDir(), goodRows());
    writeFileSync(
      join(dir, 'map.yaml'),
      `tables:\n  buyers:\n    files: buyers.csv\n    columns:\n      region: { expr: 'cast(cast(region as INTEGER) as VARCHAR)' }\n`,
    );
    const wh = await memoryWarehouse();
    await expect(ingestInto(wh, { from: dir, mapping: join(dir, 'map.yaml') })).rejects.toThrow(
      `${join(dir, 'map.yaml')}: key tables.buyers.columns.region.expr: SQL error at line 1: Conversion Error: Could not convert string 'CN-31' to INT32 ` +
        'when casting from source column region; use try_cast (or try(...)) so a bad value is quarantined instead of failing the load — nothing was loaded',
    );
    expect(
      await wh.all("select count(*)::INTEGER as n from information_schema.tables where table_name = 'buyers'"),
    ).toEqual([{ n: 0 }]);
    wh.close();
  });
});

describe('mapping validation', () => {
  it('reports every problem with its key, the value and the rule (unknown table or column, enum map outside the enum, neither column nor expr)', async () => {
    tried(6); // one per problem below
    const file = join(tempDir('mapping'), 'bad.yaml');
    writeFileSync(
      file,
      [
        'tables:',
        '  ordrs: { files: a.csv }',
        '  orders:',
        '    files: orders.csv',
        '    columns:',
        '      amunt: x',
        '      amount: {}',
        '      category: { column: cat, values: { 生鲜: fresh } }',
        '      buyer_id: { column: b, values: { a: b } }',
        '  refund_requests:',
        '    columns: { order_id: o }',
      ].join('\n'),
    );
    await expect(loadMapping(file)).rejects.toThrow(
      [
        `${file}: 6 problems`,
        '  - key tables.orders.columns.buyer_id.values: got {"a":"b"}; values can only be mapped on enum columns',
        '  - key tables.orders.columns.category.values.生鲜: got "fresh"; must map to one of fresh_food, electronics, apparel, home, beauty, grocery, other',
        '  - key tables.orders.columns.amount: give exactly one of column (a source column name) or expr (a SQL expression)',
        '  - unknown key "amunt" under tables.orders.columns: remove it or check the spelling',
        '  - key tables.refund_requests: give files (a file glob relative to --from, e.g. "export/orders_*.csv"), sql (a query) or source (a name under sources)',
        '  - unknown key "ordrs" under tables: remove it or check the spelling',
      ].join('\n'),
    );
  });
});
