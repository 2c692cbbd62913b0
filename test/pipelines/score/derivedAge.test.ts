// An account age counted from the first order (the export had no registration date) is an estimate: never given as a
// reason.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configSchema } from '../../../data/config/configSchema.ts';
import { createLogger } from '../../../data/log/Logger.ts';
import type { Warehouse } from '../../../data/warehouse/Warehouse.ts';
import { marketplaceWarehouse } from '../../support/marketplaceWarehouse.ts';
import { modelChoice, resolveModel } from '../../../models/registry/resolveModel.ts';
import { scoreBuyers, type BuyerScore } from '../../../pipelines/score/scoreBuyers.ts';

const AS_OF = '2026-11-02';
const config = configSchema.parse({
  artifactsDir: '/nonexistent',
  review: { capacity: 100, minRisk: 0, minExpectedLoss: 0 },
});
let wh: Warehouse;
let rows: BuyerScore[];

beforeAll(async () => {
  // 40 three-day-old accounts asking most of their spend back without return; the even ones have a derived age
  const starter = resolveModel(modelChoice(config), 'abuse-risk', AS_OF).artifact;
  // otherwise an ordinary buyer with a couple of refund-only requests, so the young age stands out
  const value = (f: string): string =>
    f === 'account_age_days'
      ? '3'
      : /rejected|escalated|confirmed|low_reviews|excess/.test(f)
        ? '0'
        : /share|rate/.test(f)
          ? '0.3'
          : /hours/.test(f)
            ? '48'
            : /amount|spend/.test(f)
              ? '60'
              : '1';
  wh = await marketplaceWarehouse();
  await wh.run(
    `create table feat_buyer_history as
     select date '${AS_OF}' as as_of, 'b' || lpad(i::varchar, 2, '0') as buyer_id, 'b' || i as group_id,
       case when i % 2 = 0 then 'first order' else 'registration' end as account_age_basis,
       ${starter.spec.features.map((f) => `${value(f)}::double * (1 + (i % 7) / 50.0) as ${f}`).join(', ')}
     from range(40) t(i)`,
  );
  ({ rows } = await scoreBuyers(wh, AS_OF, starter, config, createLogger({ verbosity: 'quiet' })));
});
afterAll(() => wh.close());

describe('a derived account age', () => {
  it('is never a reason, while a registered age of the same value is', () => {
    const cites = (r: BuyerScore) => r.reasons.some((s) => /^account .* old/.test(s));
    const registered = rows.filter((_, i) => i % 2 === 1);
    const derived = rows.filter((_, i) => i % 2 === 0);
    expect(registered.filter(cites).length).toBeGreaterThan(0);
    expect(derived.filter(cites)).toEqual([]);
  });
});
