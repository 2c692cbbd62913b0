// Contracts that fit real exports: guest checkouts, categories outside the seven, refunds of orders before the first
// week, reused review ids, no registration dates.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestInto } from '../../../pipelines/ingest/runIngest.ts';
import { goodRows, tempDir, toCsv, writeTables } from './fixtures.ts';
import { memoryWarehouse, quarantineRows } from './ingestHelpers.ts';

describe('real exports load', () => {
  it('guest orders, unknown category codes, missing registration and opening dates, reused review ids: nothing quarantined', async () => {
    const rows = goodRows();
    const [o1, o2] = rows.orders;
    rows.buyers = rows.buyers.map((b) => ({ ...b, registered_at: null }));
    rows.merchants = rows.merchants.map((m) => ({ ...m, main_category: '生鲜水果', opened_at: null }));
    rows.orders = [o1!, { ...o2!, buyer_id: null, category: 'toys_and_games' }];
    // The source numbers reviews per item: R1 exists for both orders.
    rows.reviews = [
      { ...rows.reviews[0]!, review_id: 'R1' },
      { ...rows.reviews[0]!, review_id: 'R1', order_id: 'o2', rating: '4', created_at: '2026-03-06T09:00:00Z' },
    ];
    const wh = await memoryWarehouse();
    const result = await ingestInto(wh, { from: writeTables(tempDir(), rows), knownAt: '2026-05-01' });
    expect(await quarantineRows(wh)).toEqual([]);
    expect(result!.tables.map((t) => [t.table, t.read, t.inserted])).toEqual([
      ['buyers', 2, 2],
      ['merchants', 1, 1],
      ['orders', 2, 2],
      ['refund_requests', 1, 1],
      ['reviews', 2, 2],
      ['service_tickets', 1, 1],
      ['merchant_actions', 1, 1],
      ['investigations', 1, 1],
    ]);
    expect(await wh.all('select order_id, buyer_id, category, category_source from orders order by 1')).toEqual([
      { order_id: 'o1', buyer_id: 'b1', category: 'fresh_food', category_source: null },
      { order_id: 'o2', buyer_id: null, category: 'other', category_source: 'toys_and_games' },
    ]);
    expect(await wh.all('select main_category, main_category_source, opened_at from merchants')).toEqual([
      { main_category: 'other', main_category_source: '生鲜水果', opened_at: null },
    ]);
    expect(await wh.all('select review_id, order_id, rating from reviews order by order_id')).toEqual([
      { review_id: 'R1', order_id: 'o1', rating: 1 },
      { review_id: 'R1', order_id: 'o2', rating: 4 },
    ]);
    wh.close();
  });

  it('loads a refund of an order from before the first delivered week with a flag; far later, an unknown order is quarantined', async () => {
    const rows = goodRows();
    const r1 = rows.refund_requests[0]!;
    // The first order is 2026-03-01: a refund on 2026-03-20 of an unknown order is of an earlier order; one in August
    // is a wrong id.
    rows.refund_requests = [
      r1,
      {
        ...r1,
        request_id: 'r2',
        order_id: 'o-before',
        requested_at: '2026-03-20T08:00:00Z',
        decided_at: null,
        status: 'pending',
        decided_by: null,
      },
    ];
    const wh = await memoryWarehouse();
    const first = await ingestInto(wh, { from: writeTables(tempDir(), rows) });
    expect(first!.tables.find((t) => t.table === 'refund_requests')).toMatchObject({
      read: 2,
      inserted: 2,
      quarantined: 0,
      flagged: 1,
    });
    expect(await wh.all('select row_number, column_name, value from load_flags')).toEqual([
      { row_number: 2n, column_name: 'order_id', value: 'o-before' },
    ]);
    const later = tempDir('later');
    writeFileSync(
      join(later, 'refund_requests.csv'),
      toCsv('refund_requests', [
        {
          ...r1,
          request_id: 'r3',
          order_id: 'o-typo',
          requested_at: '2026-08-01T08:00:00Z',
          decided_at: null,
          status: 'pending',
          decided_by: null,
        },
      ]),
    );
    await ingestInto(wh, { from: later });
    expect(await quarantineRows(wh, 2)).toEqual([
      {
        table_name: 'refund_requests',
        source_file: 'refund_requests.csv',
        row_number: 1,
        column_name: 'order_id',
        value: 'o-typo',
        rule: 'unknown order_id: no such order',
      },
    ]);
    wh.close();
  });
});
