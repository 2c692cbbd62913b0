// buildFeatures as a stage: weekly history that accumulates, rebuilds that replace, failures that leave outputs intact.
import { afterEach, describe, expect, it } from 'vitest';
import { buildFeatures } from '../../../pipelines/features/buildFeatures.ts';
import { Warehouse } from '../../../data/warehouse/Warehouse.ts';
import { order } from '../../support/contractRows.ts';
import { insertRows, marketplaceWarehouse } from '../../support/marketplaceWarehouse.ts';
import { AS_OF, smallMarketplace } from '../../support/smallMarketplace.ts';

let wh: Warehouse | undefined;
afterEach(() => wh?.close());

async function historyDates(table: string): Promise<{ as_of: string; n: number }[]> {
  const rows = await wh!.all<{ as_of: string; n: bigint }>(
    `select strftime(as_of, '%Y-%m-%d') as as_of, count(*) as n from ${table} group by all order by 1`,
  );
  return rows.map((r) => ({ as_of: r.as_of, n: Number(r.n) }));
}

describe('buildFeatures', () => {
  it('accumulates weekly snapshots and replaces a date when it is rebuilt', async () => {
    wh = await marketplaceWarehouse(smallMarketplace());
    await buildFeatures(wh, '2026-02-22');
    await buildFeatures(wh, AS_OF);
    await buildFeatures(wh, AS_OF);
    expect(await historyDates('feat_buyer_history')).toEqual([
      { as_of: '2026-02-22', n: 6 },
      { as_of: '2026-03-01', n: 6 },
    ]);
    expect(await historyDates('feat_merchant_history')).toEqual([
      { as_of: '2026-02-22', n: 2 },
      { as_of: '2026-03-01', n: 2 },
    ]);
    expect(await historyDates('buyer_groups')).toEqual([
      { as_of: '2026-02-22', n: 2 },
      { as_of: '2026-03-01', n: 2 },
    ]);
    expect(await historyDates('feat_buyer')).toEqual([{ as_of: '2026-03-01', n: 6 }]);
  });

  it('fills history only when asked not to replace the current tables (training at past dates)', async () => {
    wh = await marketplaceWarehouse(smallMarketplace());
    await buildFeatures(wh, AS_OF);
    await buildFeatures(wh, '2026-02-15', { writeCurrent: false });
    expect(await historyDates('feat_merchant')).toEqual([{ as_of: AS_OF, n: 2 }]);
    expect((await historyDates('feat_merchant_history')).map((r) => r.as_of)).toEqual(['2026-02-15', AS_OF]);
  });

  it('fails on a broken column check and leaves the previous outputs as they were', async () => {
    wh = await marketplaceWarehouse(smallMarketplace());
    await buildFeatures(wh, AS_OF);
    await insertRows(wh, 'orders', [
      order('neg', 'b2', 'm2', { category: 'home', amount: -500, created_at: '2026-03-02' }),
    ]);
    await expect(buildFeatures(wh, '2026-03-08')).rejects.toThrow(
      'features as of 2026-03-08: column checks failed, previous outputs kept: 3 problems\n' +
        '  - feat_buyer.spend_30d: rule range [0, inf] broken by 1 row (e.g. as_of=2026-03-08, buyer_id=b2)\n' +
        '  - feat_buyer.spend_90d: rule range [0, inf] broken by 1 row (e.g. as_of=2026-03-08, buyer_id=b2)\n' +
        '  - feat_buyer.spend_365d: rule range [0, inf] broken by 1 row (e.g. as_of=2026-03-08, buyer_id=b2)',
    );
    expect(await historyDates('feat_buyer')).toEqual([{ as_of: AS_OF, n: 6 }]);
    expect(await historyDates('feat_buyer_history')).toEqual([{ as_of: AS_OF, n: 6 }]);
    // the connection is still usable and a good date still builds
    await expect(buildFeatures(wh, AS_OF)).resolves.toMatchObject({ buyers: 6 });
  });

  it('counts requests of buyers last scored high risk before as_of apart from merchant quality', async () => {
    wh = await marketplaceWarehouse(smallMarketplace());
    await wh.run('create table score_buyer_history (as_of date, buyer_id varchar, risk double, tier varchar)');
    await wh.run(`insert into score_buyer_history values
      ('2026-02-15', 'b4', 0.4, 'normal'), ('2026-02-22', 'b4', 0.9, 'high'),
      ('2026-02-22', 'b3', 0.2, 'normal'), ('2026-03-01', 'b3', 0.95, 'high')`);
    await buildFeatures(wh, AS_OF);
    const [m2] = await wh.all("select * from feat_merchant where merchant_id = 'm2'");
    // b4's escalated no-reason return (r7) moves out of the quality rates; b3 is scored high only at as_of itself
    expect(m2).toMatchObject({
      high_risk_requests_90d: 1,
      abuser_requests_90d: 2,
      refund_request_rate_90d: 2 / 3,
      no_reason_7day_rejection_rate_90d: null,
    });
  });

  it('says which tables are missing and how to load them', async () => {
    wh = await Warehouse.open({ path: ':memory:' });
    await expect(buildFeatures(wh, AS_OF)).rejects.toThrow(
      'features: warehouse :memory: has no tables buyers, merchants, orders, refund_requests, reviews, service_tickets, merchant_actions, investigations; run `trustlens ingest --from DIR` first',
    );
    await expect(buildFeatures(wh, '2026-13-01')).rejects.toThrow(
      'features: as-of date "2026-13-01" is not a date; use YYYY-MM-DD, e.g. 2026-11-02',
    );
    await expect(buildFeatures(wh, '2026-02-30')).rejects.toThrow('features: as-of date "2026-02-30" is not a date');
  });
});
