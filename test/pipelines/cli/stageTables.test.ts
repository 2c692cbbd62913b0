// Required tables: one table of which stage needs what, one message naming the missing tables and the command that
// writes them.
import { afterEach, describe, expect, it } from 'vitest';
import { Warehouse } from '../../../data/warehouse/Warehouse.ts';
import { producerOf, requireTables, tablesNeeded } from '../../../pipelines/cli/stageTables.ts';

let wh: Warehouse | undefined;
afterEach(() => wh?.close());

describe('requireTables', () => {
  it('names every missing table and the command that writes them', async () => {
    wh = await Warehouse.open({ path: ':memory:' });
    await wh.run('create table orders (order_id varchar); create table buyers (buyer_id varchar)');
    await expect(requireTables(wh, 'simulate')).rejects.toThrow(
      'simulate: warehouse :memory: has no tables refund_requests, investigations; run `trustlens ingest --from DIR` first',
    );
    await expect(requireTables(wh, 'report')).rejects.toThrow(
      'report: warehouse :memory: has no tables refund_requests, merchants; run `trustlens ingest --from DIR` first',
    );
    await wh.run('create table refund_requests (request_id varchar); create table merchants (merchant_id varchar)');
    await expect(requireTables(wh, 'report')).resolves.toBeUndefined();
  });

  it('checks for the weekly run what its later stages need', () => {
    expect([...tablesNeeded('run')].sort()).toEqual([
      'buyers',
      'investigations',
      'merchant_actions',
      'merchants',
      'orders',
      'refund_requests',
      'reviews',
      'service_tickets',
    ]);
  });

  it('knows which stage writes a table', () => {
    expect(
      ['orders', 'feat_buyer_history', 'buyer_groups', 'risk_queue', 'sim_results', 'load_batches'].map(producerOf),
    ).toEqual(['ingest', 'features', 'features', 'score', 'simulate', undefined]);
  });
});
