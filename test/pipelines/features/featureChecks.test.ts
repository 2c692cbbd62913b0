// The column checks that run after every build: each broken rule names table, column, rule, offending rows and an
// example key.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCatalogTable } from '../../../pipelines/features/featureCatalog.ts';
import { checkViolations, columnShapeProblems } from '../../../pipelines/features/featureChecks.ts';
import { Warehouse } from '../../../data/warehouse/Warehouse.ts';

const catalog = parseCatalogTable(
  `
table: feat_demo
description: demo
grain: one row per buyer
key: [as_of, buyer_id]
columns:
  - {name: as_of, description: date, unit: date, window: none, role: key, checks: [not_null]}
  - {name: buyer_id, description: id, unit: id, window: none, role: key, checks: [not_null]}
  - {name: orders_30d, description: n, unit: count, window: 30d, role: feature, checks: [not_null, {range: {min: 0}}]}
  - {name: rate_30d, description: r, unit: share, window: 30d, role: feature, null_when: no orders, checks: [{range: {min: 0, max: 1}}]}
`,
  'feat_demo.yml',
);

let wh: Warehouse;
beforeAll(async () => {
  wh = await Warehouse.open({ path: ':memory:' });
});
afterAll(() => wh.close());

describe('checkViolations', () => {
  it('passes a clean table, NULL rates included', async () => {
    await wh.run(`create or replace table t as select * from (values
      (date '2026-03-01', 'b1', 2, 0.5), (date '2026-03-01', 'b2', 0, null::double)) v(as_of, buyer_id, orders_30d, rate_30d)`);
    expect(await checkViolations(wh, 't', catalog)).toEqual([]);
  });

  it('reports every broken rule with its count and the first offending key', async () => {
    await wh.run(`create or replace table t as select * from (values
      (date '2026-03-01', 'b1', -1, 1.5),
      (date '2026-03-01', 'b2', null, 'nan'::double),
      (date '2026-03-01', 'b2', 1, 0.2)) v(as_of, buyer_id, orders_30d, rate_30d)`);
    expect(await checkViolations(wh, 't', catalog)).toEqual([
      'feat_demo.orders_30d: rule not_null broken by 1 row (e.g. as_of=2026-03-01, buyer_id=b2)',
      'feat_demo.orders_30d: rule range [0, inf] broken by 1 row (e.g. as_of=2026-03-01, buyer_id=b1)',
      'feat_demo.rate_30d: rule range [0, 1] broken by 2 rows (e.g. as_of=2026-03-01, buyer_id=b1)',
      'feat_demo: rule unique (as_of, buyer_id) broken by 1 key (e.g. as_of=2026-03-01, buyer_id=b2)',
    ]);
  });
});

describe('columnShapeProblems', () => {
  it('catches SQL and catalogue drifting apart, and non-numeric features', async () => {
    await wh.run(
      `create or replace table t as select date '2026-03-01' as as_of, 'b1' as buyer_id, 'x' as orders_30d, 1 as extra_col`,
    );
    expect(await columnShapeProblems(wh, 't', catalog)).toEqual([
      'feat_demo: catalogue lists rate_30d but the SQL does not produce them',
      'feat_demo: SQL produces extra_col missing from feat_demo.yml; describe them there',
      'feat_demo.orders_30d: features must be numeric (DOUBLE or INTEGER), got VARCHAR',
    ]);
  });
});
