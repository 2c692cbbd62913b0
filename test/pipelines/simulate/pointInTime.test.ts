// Point-in-time context: a request is judged with the latest score at or before it, never a later one; groups use
// confirmations before the request.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Warehouse } from '../../../data/warehouse/Warehouse.ts';
import { buildRequestContext } from '../../../pipelines/simulate/buildRequestContext.ts';
import { simWarehouse } from './simFixture.ts';
import { marketplace } from './requestFixture.ts';

const DAY = 86_400_000;
const BASE = Date.parse('2026-09-01T00:00:00Z');
const ts = (ms: number) => new Date(ms).toISOString().replace('T', ' ').slice(0, 19);
const date = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Requests at fixed times spread over September and October, some exactly at midnight (a score date). */
const REQUEST_TIMES = [0, 0.5, 6.999, 7, 7.001, 13.5, 21, 30, 44.25, 59.9].map((d) => BASE + d * DAY);

describe('point-in-time scores', () => {
  let wh: Warehouse;
  beforeAll(async () => {
    wh = await simWarehouse(
      marketplace(
        [{ id: 'b1' }, { id: 'b2', confirmedAt: '2026-09-20 00:00:00' }],
        REQUEST_TIMES.map((t, i) => ({ id: `r${i}`, buyer: 'b1', amount: 10, at: ts(t) })),
        {
          groups: [
            { as_of: '2026-09-14', group_id: 'g1', buyer_id: 'b1' },
            { as_of: '2026-09-14', group_id: 'g1', buyer_id: 'b2' },
          ],
        },
      ),
    );
  });
  afterAll(() => wh.close());

  const context = async () => {
    await buildRequestContext(wh, { asOf: '2026-11-02', weeks: 12 });
    return wh.all<{
      request_id: string;
      buyer_risk: number | null;
      merchant_tier: string | null;
      group_confirmed_abusers: bigint;
    }>('select request_id, buyer_risk, merchant_tier, group_confirmed_abusers from sim_context order by requested_at');
  };

  it('uses the score dated on or before the request, and none dated after it', async () => {
    await wh.run('delete from score_buyer_history');
    await wh.run(
      "insert into score_buyer_history values ('2026-09-08', 'b1', 0.1, 'normal', [], 0, 0, null, '2026-09-08'), ('2026-09-15', 'b1', 0.9, 'high', [], 0, 0, null, '2026-09-15')",
    );
    const rows = await context();
    expect(rows.map((r) => r.buyer_risk)).toEqual([null, null, null, 0.1, 0.1, 0.1, 0.9, 0.9, 0.9, 0.9]);
  });

  it('counts a linked account as a confirmed abuser only for requests after its investigation closed', async () => {
    const rows = await context();
    // Before 2026-09-14 b1 has no group row and stands alone; b2's case closes on 2026-09-20.
    expect(rows.map((r) => Number(r.group_confirmed_abusers))).toEqual([0, 0, 0, 0, 0, 0, 1, 1, 1, 1]);
  });

  it('never picks a later score, whatever the score dates (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(fc.integer({ min: -10, max: 70 }), { minLength: 0, maxLength: 8 }),
        async (days) => {
          await wh.run('delete from score_buyer_history');
          for (const d of days) {
            await wh.run(
              "insert into score_buyer_history values ($1::date, 'b1', $2, 'normal', [], 0, 0, null, $1::date)",
              [date(BASE + d * DAY), (d + 10) / 100],
            );
          }
          const rows = await context();
          rows.forEach((row, i) => {
            const t = REQUEST_TIMES[i]!;
            const eligible = days.filter((d) => BASE + d * DAY <= t);
            const expected = eligible.length ? (Math.max(...eligible) + 10) / 100 : null;
            expect(row.buyer_risk).toBe(expected);
          });
        },
      ),
      { numRuns: 25, seed: 11 },
    );
  });
});
