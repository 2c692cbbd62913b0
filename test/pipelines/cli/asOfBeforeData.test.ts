// An --as-of before the first order is refused with the date of the first order, before any stage replaces a table.
import { describe, expect, it } from 'vitest';
import { Warehouse } from '../../../data/warehouse/Warehouse.ts';
import { refuseAsOfBeforeData } from '../../../pipelines/cli/asOfBeforeData.ts';

async function withOrders(times: string[]): Promise<Warehouse> {
  const wh = await Warehouse.open({ path: ':memory:' });
  await wh.run('create table orders (order_id varchar, created_at timestamp)');
  for (const [i, t] of times.entries())
    await wh.run('insert into orders values ($id, $t::timestamp)', { id: `o${i}`, t });
  return wh;
}

describe('refuseAsOfBeforeData', () => {
  it('refuses a date on or before the first order, naming it', async () => {
    const wh = await withOrders(['2026-03-02 10:00:00', '2026-03-09 08:00:00']);
    await expect(refuseAsOfBeforeData(wh, '2020-03-02', 'score')).rejects.toThrow(
      "--as-of 2020-03-02 is before the warehouse's first order (2026-03-02 10:00 UTC): `trustlens score` as of it has nothing to read and would replace this week's tables with empty ones; check the date",
    );
    await expect(refuseAsOfBeforeData(wh, '2026-03-02', 'score')).rejects.toThrow('before the warehouse');
    wh.close();
  });

  it('lets through a date after the first order, and a warehouse without orders yet', async () => {
    const wh = await withOrders(['2026-03-02 10:00:00']);
    await expect(refuseAsOfBeforeData(wh, '2026-03-03', 'score')).resolves.toBeUndefined();
    wh.close();
    const empty = await Warehouse.open({ path: ':memory:' });
    await expect(refuseAsOfBeforeData(empty, '2020-01-06', 'run')).resolves.toBeUndefined();
    empty.close();
  });
});
