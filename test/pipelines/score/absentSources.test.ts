// A marketplace without refund requests, service tickets or merchant actions: their features are unknown (NULL, never
// 0) and no reason
// cites them, while the sources it has still give reasons.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configSchema } from '../../../data/config/configSchema.ts';
import { createLogger } from '../../../data/log/Logger.ts';
import { readSql } from '../../../data/warehouse/readSql.ts';
import { Warehouse } from '../../../data/warehouse/Warehouse.ts';
import { modelChoice, resolveModel } from '../../../models/registry/resolveModel.ts';
import { columnsFromSources, withoutAbsentReasons } from '../../../pipelines/features/featureSources.ts';
import { scoreMerchants } from '../../../pipelines/score/scoreMerchants.ts';
import { scoreAll } from '../../../pipelines/score/scoreAll.ts';
import { AS_OF, smallMarketplace } from '../../support/smallMarketplace.ts';
import { marketplaceWarehouse } from '../../support/marketplaceWarehouse.ts';

// the usual real case: orders and reviews, nothing else
const ABSENT = ['refund_requests', 'service_tickets', 'merchant_actions'];
const config = configSchema.parse({ artifactsDir: '/nonexistent', review: { capacity: 5 } });
let wh: Warehouse;

beforeAll(async () => {
  const { refund_requests: _r, service_tickets: _t, merchant_actions: _a, ...delivered } = smallMarketplace();
  wh = await marketplaceWarehouse(delivered);
  const sql = (f: string) => readSql(new URL(`../../../pipelines/ingest/sql/batch/${f}.sql`, import.meta.url));
  await wh.run(sql('create_source_status'));
  for (const table of ABSENT) await wh.run(sql('record_source_status'), { table, absent: true, batch: 1 });
  // nothing trained here: the starter models score
  await scoreAll(wh, AS_OF, config, createLogger({ verbosity: 'quiet' }));
});
afterAll(() => wh.close());

describe('sources declared absent', () => {
  it('leaves their features unknown, never 0', async () => {
    const [m2] = await wh.all('select * from feat_merchant_history where merchant_id = $id and as_of = $as_of', {
      id: 'm2',
      as_of: AS_OF,
    });
    expect(m2).toMatchObject({
      ticket_satisfaction_avg_90d: null,
      attitude_complaints_per_1k_orders_90d: null,
      actions_365d: null,
      serious_actions_365d: null,
      spot_checks_failed_365d: null,
      refund_only_rate_90d: null,
    });
    // the sources it has are known
    expect(m2).toMatchObject({ orders_90d: 5 });
    expect(m2?.rating_avg_90d).not.toBeNull();
  });

  it('never gives them as a reason: the unknown values the model reads say nothing about the merchant', async () => {
    // 60 ordinary merchants (known features near typical values, varying a little); absent-source features NULL
    const starter = resolveModel(modelChoice(config), 'merchant-trust', AS_OF).artifact;
    const unknown = columnsFromSources('feat_merchant', ABSENT);
    const typical = (f: string): number =>
      /rate|share/.test(f)
        ? 0.02
        : /_avg_/.test(f)
          ? 4.6
          : /age_days/.test(f)
            ? 800
            : /orders_365d/.test(f)
              ? 800
              : /orders_90d/.test(f)
                ? 200
                : /gmv/.test(f)
                  ? 20000
                  : /days|hours/.test(f)
                    ? 3
                    : 0;
    const cols = starter.spec.features.map((f) =>
      unknown.includes(f)
        ? `null::double as ${f}`
        : `${typical(f)} * (1 + ((hash(i, '${f}') % 21)::integer - 10) / 100.0) as ${f}`,
    );
    const mem = await Warehouse.open({ path: ':memory:', threads: 1 });
    try {
      await mem.run(
        `create table feat_merchant_history as
         select date '${AS_OF}' as as_of, 'm' || i as merchant_id, ${cols.join(', ')} from range(60) t(i)`,
      );
      const log = createLogger({ verbosity: 'quiet' });
      const noData = (rows: { reasons: string[] }[]) =>
        rows.flatMap((r) => r.reasons).filter((r) => r.startsWith('no data'));
      // last week every shop was at risk: each is now in a watched tier or has moved, so each is explained
      const previous = new Map(Array.from({ length: 60 }, (_, i) => [`m${i}`, { tier: 'at-risk' }]));
      const scored = await scoreMerchants(mem, AS_OF, withoutAbsentReasons(starter, ABSENT), config, log, previous);
      expect(noData(scored)).toEqual([]);
      // the sources it has still give reasons
      expect(scored.flatMap((r) => r.reasons).length).toBeGreaterThan(0);
    } finally {
      mem.close();
    }
  });
});
