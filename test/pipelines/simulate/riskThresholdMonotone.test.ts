// Property: raising a risk threshold never burdens more honest buyers, whatever the action, capacity and fallback.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Warehouse } from '../../../data/warehouse/Warehouse.ts';
import { buildRequestContext } from '../../../pipelines/simulate/buildRequestContext.ts';
import { parsePolicy } from '../../../pipelines/simulate/policy/loadPolicy.ts';
import { replayPolicy, resetOutcomes } from '../../../pipelines/simulate/replayPolicy.ts';
import { simWarehouse } from './simFixture.ts';
import { marketplace, type RequestSpec } from './requestFixture.ts';

const BUYERS = Array.from({ length: 12 }, (_, i) => ({
  id: `b${i}`,
  ...(i < 3 ? { confirmedAt: '2026-09-01 00:00:00' } : {}),
}));
const KINDS = ['refund_only', 'refund_only', 'return_and_refund'] as const;
const REQUESTS: RequestSpec[] = Array.from({ length: 30 }, (_, i) => ({
  id: `r${String(i).padStart(2, '0')}`,
  buyer: `b${i % 12}`,
  amount: 5 + ((i * 37) % 90),
  at: `2026-10-${String(5 + (i % 14)).padStart(2, '0')} 1${i % 10}:00:00`,
  kind: KINDS[i % 3],
  respondedAt: i % 4 === 0 ? null : undefined,
}));

describe('risk threshold monotonicity', () => {
  let wh: Warehouse;
  beforeAll(async () => {
    wh = await simWarehouse(marketplace(BUYERS, REQUESTS));
  });
  afterAll(() => wh.close());

  const honestBurdened = async (scenario: string) =>
    Number(
      await wh.scalar<bigint>('select count(*) from sim_outcomes where scenario = $s and not abusive and burdened', {
        s: scenario,
      }),
    );

  it('burdens no more honest requests at a higher threshold', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 12, maxLength: 12 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.constantFrom('manual_review', 'reject', 'refund_after_return'),
        fc.option(fc.integer({ min: 0, max: 4 }), { nil: undefined }),
        fc.constantFrom('instant_refund', 'refund_after_return', 'reject', 'as_recorded'),
        fc.option(fc.constantFrom(24, 48), { nil: undefined }),
        async (risks, a, b, action, capacity, fallback, deadline) => {
          await wh.run('delete from score_buyer_history');
          for (const [i, risk] of risks.entries()) {
            await wh.run(
              "insert into score_buyer_history values ('2026-09-28', $1, $2, 'normal', [], 0, 0, null, '2026-09-28')",
              [`b${i}`, risk],
            );
          }
          await buildRequestContext(wh, { asOf: '2026-11-02', weeks: 12 });
          await resetOutcomes(wh);
          const policy = (name: string, threshold: number) =>
            parsePolicy(
              {
                name,
                rules: [{ when: [{ field: 'buyer_risk', op: '>=', value: threshold }], action }],
                default: 'instant_refund',
                settings: {
                  ...(capacity === undefined ? {} : { reviewCapacityPerWeek: capacity, overflowAction: fallback }),
                  ...(deadline === undefined ? {} : { merchantResponseHours: deadline }),
                },
              },
              `${name}.yaml`,
            );
          await replayPolicy(wh, policy('low', Math.min(a, b)));
          await replayPolicy(wh, policy('high', Math.max(a, b)));
          expect(await honestBurdened('high')).toBeLessThanOrEqual(await honestBurdened('low'));
        },
      ),
      { numRuns: 25, seed: 5 },
    );
  });
});
