// The compensation setting: the platform repays merchants a share of the money paid to confirmed abusers for kept
// goods.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Warehouse } from '../../../data/warehouse/Warehouse.ts';
import type { SimResultRow } from '../../../data/warehouse/tables/simResultRow.ts';
import { parsePolicy } from '../../../pipelines/simulate/policy/loadPolicy.ts';
import { simulatePolicies } from '../../../pipelines/simulate/simulatePolicies.ts';
import { marketplace } from './requestFixture.ts';
import { simWarehouse } from './simFixture.ts';

const AS_OF = '2026-11-02';
const world = marketplace(
  [{ id: 'b1', confirmedAt: '2026-09-01 00:00:00' }, { id: 'b2' }],
  [
    { id: 'r1', buyer: 'b1', amount: 100.1, at: '2026-10-05 10:00:00' },
    { id: 'r2', buyer: 'b1', amount: 20.2, at: '2026-10-06 10:00:00', merchant: 'm2' },
    { id: 'r3', buyer: 'b2', amount: 30.3, at: '2026-10-07 10:00:00' },
  ],
);

const none = parsePolicy({ name: 'no-compensation', default: 'as_recorded' }, 'a.yaml');
const half = parsePolicy({ name: 'half', default: 'as_recorded', settings: { compensation: 0.5 } }, 'b.yaml');
const full = parsePolicy({ name: 'full', default: 'instant_refund', settings: { compensation: 1 } }, 'c.yaml');
const rejectAll = parsePolicy({ name: 'reject-all', default: 'reject', settings: { compensation: 1 } }, 'd.yaml');

const pick = (rows: SimResultRow[], scenario: string, metric: string, segment = 'overall') =>
  rows.find((r) => r.scenario === scenario && r.metric === metric && r.segment === segment);

describe('compensation_cost', () => {
  let wh: Warehouse;
  let rows: SimResultRow[];
  beforeAll(async () => {
    wh = await simWarehouse(world);
    ({ rows } = await simulatePolicies(wh, {
      asOf: AS_OF,
      weeks: 12,
      policies: [none, half, full, rejectAll],
      bootstrap: 20,
      seed: 3,
    }));
  });
  afterAll(() => wh.close());

  it('is the compensation share of the money paid to confirmed abusers for kept goods, beside merchant loss', () => {
    expect(pick(rows, 'no-compensation', 'abusive_amount_paid_confirmed')?.value).toBe(120.3);
    expect(pick(rows, 'no-compensation', 'compensation_cost')?.value).toBe(0);
    expect(pick(rows, 'half', 'compensation_cost')?.value).toBe(60.15);
    expect(pick(rows, 'full', 'compensation_cost')?.value).toBe(120.3);
    expect(pick(rows, 'full', 'merchant_loss')?.value).toBe(150.6);
  });

  it('costs nothing when the policy pays abusers nothing, and never counts honest buyers’ money', () => {
    expect(pick(rows, 'reject-all', 'compensation_cost')?.value).toBe(0);
    expect(pick(rows, 'half', 'compensation_cost', 'category=apparel')?.value).toBe(60.15);
  });

  it('has a bootstrap interval around the value', () => {
    const r = pick(rows, 'half', 'compensation_cost')!;
    expect(r.lo).not.toBeNull();
    expect(r.lo!).toBeLessThanOrEqual(r.value + 1e-9);
    expect(r.hi!).toBeGreaterThanOrEqual(r.value - 1e-9);
  });
});
