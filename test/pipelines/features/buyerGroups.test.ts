// Linked-account grouping: connected components over shared device, address and payment keys, on hand-made graphs.
import { afterEach, describe, expect, it } from 'vitest';
import { buildFeatures } from '../../../pipelines/features/buildFeatures.ts';
import type { Warehouse } from '../../../data/warehouse/Warehouse.ts';
import { buyer, merchant, order, type LiteralRow } from '../../support/contractRows.ts';
import { marketplaceWarehouse } from '../../support/marketplaceWarehouse.ts';

const AS_OF = '2026-03-01';
let wh: Warehouse | undefined;
afterEach(() => wh?.close());

function orderRow(
  i: number,
  buyerId: string,
  keys: { device_key?: string; address_key?: string; payment_key?: string },
  created = '2026-02-01',
): LiteralRow {
  return order(`o${i}`, buyerId, 'm1', { category: 'home', created_at: created, ...keys });
}

async function groupsOf(orders: LiteralRow[], options = {}): Promise<Record<string, string[]>> {
  const buyers = [...new Set(orders.map((o) => String(o.buyer_id)))].map((id) => buyer(id));
  wh = await marketplaceWarehouse({ buyers, merchants: [merchant('m1', { main_category: 'home' })], orders });
  await buildFeatures(wh, AS_OF, options);
  const rows = await wh.all<{ group_id: string; members: string[] }>(
    'select group_id, list(buyer_id order by buyer_id) as members from buyer_groups where as_of = $d::date group by group_id order by group_id',
    { d: AS_OF },
  );
  return Object.fromEntries(rows.map((r) => [r.group_id, r.members]));
}

describe('buyer_groups', () => {
  it('joins a chain of three different keys into one group and leaves unlinked accounts out', async () => {
    // A -device- B -address- C -payment- D ; E alone ; F and G share a payment key
    const groups = await groupsOf([
      orderRow(1, 'A', { device_key: 'dev1' }),
      orderRow(2, 'B', { device_key: 'dev1', address_key: 'addr1' }),
      orderRow(3, 'C', { address_key: 'addr1' }),
      orderRow(4, 'C', { payment_key: 'pay1' }),
      orderRow(5, 'D', { payment_key: 'pay1' }),
      orderRow(6, 'E', { device_key: 'dev9', address_key: 'addr9', payment_key: 'pay9' }),
      orderRow(7, 'F', { payment_key: 'pay2' }),
      orderRow(8, 'G', { payment_key: 'pay2' }),
    ]);
    expect(groups).toEqual({ A: ['A', 'B', 'C', 'D'], F: ['F', 'G'] });
    const sizes = await wh!.all('select buyer_id, group_id, group_size from feat_buyer order by buyer_id');
    expect(sizes).toEqual([
      { buyer_id: 'A', group_id: 'A', group_size: 4 },
      { buyer_id: 'B', group_id: 'A', group_size: 4 },
      { buyer_id: 'C', group_id: 'A', group_size: 4 },
      { buyer_id: 'D', group_id: 'A', group_size: 4 },
      { buyer_id: 'E', group_id: 'E', group_size: 1 },
      { buyer_id: 'F', group_id: 'F', group_size: 2 },
      { buyer_id: 'G', group_id: 'F', group_size: 2 },
    ]);
  });

  it('does not confuse a device hash with an equal address hash', async () => {
    const groups = await groupsOf([
      orderRow(1, 'A', { device_key: 'same' }),
      orderRow(2, 'B', { address_key: 'same' }),
    ]);
    expect(groups).toEqual({});
  });

  it('settles a long chain in few rounds', async () => {
    // b00 -k0- b01 -k1- b02 ... b39: one group of 40, numbered in reverse so labels must travel the whole chain
    const orders: LiteralRow[] = [];
    for (let i = 0; i < 40; i++) {
      const id = `b${String(39 - i).padStart(2, '0')}`;
      if (i > 0) orders.push(orderRow(2 * i, id, { device_key: `k${i - 1}` }));
      orders.push(orderRow(2 * i + 1, id, { device_key: `k${i}` }));
    }
    const groups = await groupsOf(orders);
    expect(Object.keys(groups)).toEqual(['b00']);
    expect(groups.b00).toHaveLength(40);
    const rounds = await buildFeatures(wh!, AS_OF);
    expect(rounds.groupingIterations).toBeLessThanOrEqual(10);
  });

  it('ignores keys shared by more accounts than maxAccountsPerKey, and orders on or after as_of', async () => {
    const orders = ['A', 'B', 'C', 'D'].map((b, i) => orderRow(i, b, { address_key: 'locker' }));
    orders.push(orderRow(10, 'E', { device_key: 'late' }), orderRow(11, 'F', { device_key: 'late' }, '2026-03-01'));
    expect(await groupsOf(orders, { maxAccountsPerKey: 3 })).toEqual({});
  });
});
