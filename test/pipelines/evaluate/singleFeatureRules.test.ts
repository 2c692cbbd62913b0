// Single-feature rules: each feature ranks merchants from its worse end, unknown values sit at the median, absent
// features drop out.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Warehouse } from '../../../data/warehouse/Warehouse.ts';
import { singleFeatureAucs } from '../../../pipelines/evaluate/singleFeatureRules.ts';

const AS_OF = '2026-11-02';
let wh: Warehouse;
beforeAll(async () => {
  wh = await Warehouse.open({ path: ':memory:', threads: 1 });
  // m1, m2 are problem merchants: low ratings; m2's late shipments are unknown; tickets were never delivered (all NULL)
  await wh.run(`
    create table feat_merchant_history (as_of date, merchant_id varchar, rating_avg_90d double, late_shipment_rate_90d double,
      ticket_satisfaction_avg_90d double);
    insert into feat_merchant_history values
      ('${AS_OF}', 'm1', 3.1, 0.20, null), ('${AS_OF}', 'm2', 3.5, null, null), ('${AS_OF}', 'm3', 4.8, 0.01, null),
      ('${AS_OF}', 'm4', 4.6, 0.10, null), ('${AS_OF}', 'm5', 3.9, 0.02, null),
      ('2026-10-26', 'm3', 1.0, 0.90, null);`);
});
afterAll(() => wh.close());

describe('singleFeatureAucs', () => {
  it('scores each rule by ROC-AUC from its worse end, best first, leaving out features unknown for everyone', async () => {
    const rules = [
      { feature: 'late_shipment_rate_90d', worse: 'higher' as const },
      { feature: 'rating_avg_90d', worse: 'lower' as const },
      { feature: 'ticket_satisfaction_avg_90d', worse: 'lower' as const },
    ];
    const got = await singleFeatureAucs(
      wh,
      AS_OF,
      ['m1', 'm2', 'm3', 'm4', 'm5'],
      Uint8Array.from([1, 1, 0, 0, 0]),
      rules,
    );
    expect(got).toEqual([
      // m1 3.1 and m2 3.5 are the two lowest ratings
      { rule: 'lowest rating_avg_90d', feature: 'rating_avg_90d', auc: 1, unknown: 0 },
      // m2 unknown → the median 0.06: above m3 and m5, below m4; m1 above all → (3 + 2) / 6
      { rule: 'highest late_shipment_rate_90d', feature: 'late_shipment_rate_90d', auc: 5 / 6, unknown: 1 },
    ]);
  });
});
