// Drift computed in the warehouse gives the PSI that reports/psi.ts gives on the same values read into JavaScript.
import { afterEach, describe, expect, it } from 'vitest';
import { Warehouse } from '../../../data/warehouse/Warehouse.ts';
import { cutsOfHistogram, loadDrift } from '../../../reports/load/loadDrift.ts';
import { psi } from '../../../reports/psi.ts';
import { AS_OF, featureWarehouse, PREVIOUS, weekValues, type Values } from './featureWeeks.ts';

let wh: Warehouse | undefined;
afterEach(() => {
  wh?.close();
  wh = undefined;
});

/** The drift reports/psi.ts gives on the rows (last week's ages advanced 7 days), as the report computed it before. */
function expectedPsi(previous: Values[], current: Values[]): Map<string, number | null> {
  const out = new Map<string, number | null>();
  const columns = Object.keys(previous[0] ?? current[0]!) as (keyof Values)[];
  const asNumber = (v: Values[keyof Values]) => (v === null ? null : Number(v));
  for (const c of columns) {
    const before = previous.map((r) => asNumber(r[c])).map((v) => (c === 'account_age_days' && v !== null ? v + 7 : v));
    out.set(
      c,
      psi(
        before,
        current.map((r) => asNumber(r[c])),
      )?.psi ?? null,
    );
  }
  return out;
}

describe('drift in the warehouse', () => {
  it.each([
    [1, 1],
    [7, 5],
    [20, 20],
    [37, 41],
    [40, 33],
    [200, 190],
  ])('gives psi() exactly on %i rows last week and %i this week', async (nPrevious, nCurrent) => {
    const previous = weekValues(nPrevious, 7, 0);
    const current = weekValues(nCurrent, 11, 1);
    wh = await featureWarehouse(previous, current);
    const d = await loadDrift(wh, AS_OF, { subject: 'Buyer features', table: 'feat_buyer_history' });
    expect(d.previousAsOf).toBe(PREVIOUS);
    const expected = expectedPsi(previous, current);
    expect(d.rows!.map((r) => r.feature)).toEqual([...expected.keys()]);
    for (const r of d.rows!) expect(r.psi, r.feature).toBe(expected.get(r.feature));
  });

  it('gives the means of the known values, ages advanced, and none for a column with no known value', async () => {
    const previous = weekValues(37, 7, 0);
    const current = weekValues(41, 11, 1);
    wh = await featureWarehouse(previous, current);
    const d = await loadDrift(wh, AS_OF, { subject: 'Buyer features', table: 'feat_buyer_history' });
    const row = (f: string) => d.rows!.find((r) => r.feature === f)!;
    const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
    expect(row('account_age_days').previousMean).toBeCloseTo(mean(previous.map((v) => v.account_age_days + 7)), 9);
    expect(row('account_age_days').adjusted).toBe("last week's values advanced 7 days");
    const known = (vs: Values[]) => vs.map((v) => v.share_90d).filter((x): x is number => Number.isFinite(x));
    expect(row('share_90d').currentMean).toBeCloseTo(mean(known(current)), 12);
    expect(row('flagged').previousMean).toBeCloseTo(mean(previous.map((v) => Number(v.flagged))), 12);
    expect(row('all_missing')).toMatchObject({ psi: 0, previousMean: null, currentMean: null });
    expect(row('constant')).toMatchObject({ psi: 0, previousMean: 3, currentMean: 3 });
  });

  it('has no rows when this week is not in the table yet', async () => {
    wh = await featureWarehouse(weekValues(20, 7, 0), []);
    const d = await loadDrift(wh, AS_OF, { subject: 'Buyer features', table: 'feat_buyer_history' });
    expect(d).toEqual({ subject: 'Buyer features', currentAsOf: AS_OF, previousAsOf: PREVIOUS, rows: [] });
  });

  it('cuts a counted column from its histogram at the positions quantile_disc picks, ties dropped', () => {
    // 20 values: 0 ×12, 1 ×5, 4 ×2, 9 ×1 (in any order); cut i is the sorted value at position floor(i * 20 / 10).
    const histogram = [
      { key: 4, rows: 2 },
      { key: 0, rows: 12 },
      { key: 9, rows: 1 },
      { key: 1, rows: 5 },
    ];
    expect(cutsOfHistogram(histogram)).toEqual([0, 1, 4]);
    expect(cutsOfHistogram([])).toEqual([]);
  });

  it('cuts a count column past 2^63 like any other: the cuts travel as text and come back as the same doubles', async () => {
    wh = await Warehouse.open({ path: ':memory:' });
    await wh.run('create table feat_buyer_history (as_of date, buyer_id varchar, events_365d hugeint)');
    const before = [1e20, 2e20, 2e20, 3e20, 5e20, 8e20, 8e20, 9e20, 1e21, 4e21];
    const after = [1e20, 1e20, 3e20, 3e20, 5e20, 6e20, 9e20, 9e20, 2e21, 5e21];
    for (const [date, values] of [
      [PREVIOUS, before],
      [AS_OF, after],
    ] as const) {
      for (const [i, v] of values.entries())
        await wh.run('insert into feat_buyer_history values ($d::date, $id, $v::hugeint)', {
          d: date,
          id: `b${i}`,
          v: BigInt(v),
        });
    }
    const d = await loadDrift(wh, AS_OF, { subject: 'Buyer features', table: 'feat_buyer_history' });
    expect(d.rows!.map((r) => r.feature)).toEqual(['events_365d']);
    expect(d.rows![0]!.psi).toBe(psi(before, after)?.psi);
  });
});
