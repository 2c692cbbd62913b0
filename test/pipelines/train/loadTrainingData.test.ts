// Labels reach training only if known before the training date: late cases, far-future cases and cleared verdicts are
// ignored.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Warehouse } from '../../../data/warehouse/Warehouse.ts';
import { loadTrainingData } from '../../../pipelines/train/loadTrainingData.ts';
import { readFeatureSnapshot, snapshotRowCounts } from '../../../pipelines/features/loadFeatureColumns.ts';
import { specColumns } from '../../../models/specs/specCatalogue.ts';
import { MINI_BUYER_SPEC, MINI_MERCHANT_SPEC } from '../../models/fixtures/miniSpecs.ts';
import { investigation, merchantAction } from '../../support/contractRows.ts';
import { insertRows } from '../../support/marketplaceWarehouse.ts';
import { AS_OF, miniWarehouse } from './fixtures/miniWarehouse.ts';

let wh: Warehouse;
beforeAll(async () => {
  wh = await miniWarehouse();
  await wh.run(`delete from investigations`);
  await wh.run(`delete from merchant_actions`);
  await insertRows(wh, 'investigations', [
    investigation('k1', 'b0001', { opened_at: '2026-01-10', closed_at: '2026-02-20' }), // known before AS_OF
    investigation('k2', 'b0002', { opened_at: '2026-01-10', closed_at: '2026-03-02' }), // closed on AS_OF: not yet known
    investigation('k3', 'b0004', { opened_at: '2026-01-10', closed_at: '2026-04-01' }), // closed after AS_OF
    investigation('k4', 'b0005', { opened_at: '2026-01-10', closed_at: '2026-02-01', verdict: 'cleared' }),
    investigation('k5', 'b0006', { opened_at: '2026-04-10', closed_at: '2026-02-25' }), // opened > 90 days after the snapshot
    investigation('k6', 'b0007', { opened_at: '2025-06-01', closed_at: '2025-07-01' }), // confirmed long before: still an abuser
  ]);
  await insertRows(wh, 'merchant_actions', [
    merchantAction('x1', 'm001', { taken_at: '2025-11-20', action: 'demotion' }), // 19 days after the snapshot
    merchantAction('x2', 'm002', { taken_at: '2026-02-05', action: 'suspension' }), // 94 days after: outside the horizon
    merchantAction('x3', 'm003', { taken_at: '2025-11-10', action: 'warning' }), // not serious
    merchantAction('x4', 'm004', { taken_at: '2025-10-30', action: 'closure' }), // before the snapshot
    merchantAction('x5', 'm005', { taken_at: '2025-11-03', action: 'point_deduction' }), // the snapshot day: inside [S, S + 90)
  ]);
});
afterAll(() => wh.close());

const labelOf = (d: { ids: string[]; labels: Uint8Array }, id: string) => d.labels[d.ids.indexOf(id)];

describe('buyer abuse labels', () => {
  it('count a confirmed case only once it closed before the training date', async () => {
    const d = await loadTrainingData(wh, MINI_BUYER_SPEC, ['2026-01-05'], { asOf: AS_OF, horizonDays: 90 });
    expect(labelOf(d, 'b0001')).toBe(1);
    expect(labelOf(d, 'b0002')).toBe(0);
    expect(labelOf(d, 'b0004')).toBe(0);
    expect(labelOf(d, 'b0005')).toBe(0);
    expect(labelOf(d, 'b0006')).toBe(0);
    expect(labelOf(d, 'b0007')).toBe(1);
    expect([...d.labels].reduce((a, b) => a + b, 0)).toBe(2);
  });

  it('a planted late label changes nothing until the training date passes its close', async () => {
    const before = await loadTrainingData(wh, MINI_BUYER_SPEC, ['2026-01-05'], { asOf: AS_OF, horizonDays: 90 });
    const later = await loadTrainingData(wh, MINI_BUYER_SPEC, ['2026-01-05'], { asOf: '2026-03-03', horizonDays: 90 });
    expect(labelOf(before, 'b0002')).toBe(0);
    expect(labelOf(later, 'b0002')).toBe(1);
  });

  it('load the snapshot rows in id order with the derived column', async () => {
    const d = await loadTrainingData(wh, MINI_BUYER_SPEC, ['2026-01-05', '2026-01-12'], {
      asOf: AS_OF,
      horizonDays: 90,
    });
    expect(d.ids.length).toBe(320);
    expect(d.ids.slice(0, 2)).toEqual(['b0000', 'b0001']);
    expect(Array.from(new Set(d.snapshotIndex))).toEqual([0, 1]);
    const claims = d.columns.get('not_received_on_delivered_90d')!;
    expect(Array.from(claims).every((v) => Number.isInteger(v) && v >= 0)).toBe(true);
  });
});

describe('merchant trust labels', () => {
  it('are serious actions in the 90 days from the snapshot, before the training date', async () => {
    const d = await loadTrainingData(wh, MINI_MERCHANT_SPEC, ['2025-11-03'], { asOf: AS_OF, horizonDays: 90 });
    expect(labelOf(d, 'm001')).toBe(1);
    expect(labelOf(d, 'm002')).toBe(0);
    expect(labelOf(d, 'm003')).toBe(0);
    expect(labelOf(d, 'm004')).toBe(0);
    expect(labelOf(d, 'm005')).toBe(1);
  });

  it('ignore actions on or after the training date even inside the horizon', async () => {
    const d = await loadTrainingData(wh, MINI_MERCHANT_SPEC, ['2025-11-03'], { asOf: '2025-11-20', horizonDays: 90 });
    expect(labelOf(d, 'm001')).toBe(0);
  });
});

describe('reading a snapshot into counted arrays', () => {
  const read = (rows: number, join?: string) => {
    const cols = specColumns(MINI_BUYER_SPEC);
    const target = { ids: [], columns: cols.map(() => new Float32Array(rows + 10)), flags: [], offset: 0 };
    return readFeatureSnapshot(wh, MINI_BUYER_SPEC, '2026-01-05', target, rows, join ? { join } : {});
  };

  it('refuses a join that repeats an id, which would read more rows than were counted', async () => {
    const counted = (await snapshotRowCounts(wh, MINI_BUYER_SPEC, ['2026-01-05'])).get('2026-01-05')!;
    expect(counted).toBe(160);
    await wh.run(`create or replace temp table twice as select 'b0001' as buyer_id union all select 'b0001'`);
    await expect(read(counted, 'twice')).rejects.toThrow(
      'abuse-risk: the snapshot at 2026-01-05 read more than the 160 rows counted',
    );
  });

  it('refuses fewer rows than were counted', async () => {
    await expect(read(161)).rejects.toThrow('abuse-risk: the snapshot at 2026-01-05 read 160 of the 161 rows counted');
  });
});
