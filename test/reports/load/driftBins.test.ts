// Drift computed in the warehouse gives the PSI that reports/psi.ts gives on the same values read into JavaScript.
import { afterEach, describe, expect, it } from 'vitest';
import type { DuckDBValue } from '@duckdb/node-api';
import { Warehouse } from '../../../data/warehouse/Warehouse.ts';
import { loadDrift } from '../../../reports/load/loadDrift.ts';
import { psi } from '../../../reports/psi.ts';

const PREVIOUS = '2026-10-26';
const AS_OF = '2026-11-02';

interface Values {
  account_age_days: number;
  refund_only_count_90d: number;
  share_90d: number | null;
  flagged: boolean;
  amount: number;
  all_missing: number | null;
  constant: number;
  week: number;
  big_count: bigint;
}

/** Deterministic values with ties, nulls, NaN and ±inf, from a small linear congruential sequence. */
function weekValues(n: number, seed: number, shift: number): Values[] {
  let x = seed;
  const next = () => (x = (x * 1103515245 + 12345) % 2147483648) / 2147483648;
  return Array.from({ length: n }, (_, i) => {
    const u = next();
    return {
      account_age_days: Math.floor(u * 900) + 30,
      refund_only_count_90d: (i + shift) % 4,
      share_90d:
        i % 11 === 3 ? null : i % 13 === 5 ? NaN : i % 17 === 7 ? Infinity : i % 19 === 2 ? -Infinity : next() + shift,
      flagged: next() < 0.2 + shift / 10,
      amount: Math.round(next() * 10000) / 100,
      all_missing: null,
      constant: 3,
      week: Math.floor(next() * 5) + shift,
      big_count: BigInt(Math.floor(next() * 3)),
    };
  });
}

let wh: Warehouse | undefined;
afterEach(() => {
  wh?.close();
  wh = undefined;
});

async function warehouse(previous: Values[], current: Values[]): Promise<Warehouse> {
  const w = await Warehouse.open({ path: ':memory:' });
  await w.run(
    'create table feat_buyer_history (as_of date, buyer_id varchar, account_age_days double, ' +
      'refund_only_count_90d integer, share_90d double, flagged boolean, amount decimal(18, 2), all_missing double, ' +
      'constant double, "week" double, big_count bigint, region varchar)',
  );
  const rows: [string, Values][] = [
    ...previous.map((v) => [PREVIOUS, v] as [string, Values]),
    ...current.map((v) => [AS_OF, v] as [string, Values]),
  ];
  for (const [k, [asOf, v]] of rows.entries()) {
    const params: DuckDBValue[] = [
      asOf,
      `b${k}`,
      v.account_age_days,
      v.refund_only_count_90d,
      v.share_90d === null ? null : String(v.share_90d),
      v.flagged,
      v.amount.toFixed(2),
      v.all_missing,
      v.constant,
      v.week,
      v.big_count,
    ];
    await w.run(
      'insert into feat_buyer_history values ' +
        "(cast(? as date), ?, ?, ?, cast(? as double), ?, cast(? as decimal(18, 2)), ?, ?, ?, ?, 'north')",
      params,
    );
  }
  return w;
}

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
    wh = await warehouse(previous, current);
    const d = await loadDrift(wh, AS_OF, { subject: 'Buyer features', table: 'feat_buyer_history' });
    expect(d.previousAsOf).toBe(PREVIOUS);
    const expected = expectedPsi(previous, current);
    expect(d.rows!.map((r) => r.feature)).toEqual([...expected.keys()]);
    for (const r of d.rows!) expect(r.psi, r.feature).toBe(expected.get(r.feature));
  });

  it('gives the means of the known values, ages advanced, and none for a column with no known value', async () => {
    const previous = weekValues(37, 7, 0);
    const current = weekValues(41, 11, 1);
    wh = await warehouse(previous, current);
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
    wh = await warehouse(weekValues(20, 7, 0), []);
    const d = await loadDrift(wh, AS_OF, { subject: 'Buyer features', table: 'feat_buyer_history' });
    expect(d).toEqual({ subject: 'Buyer features', currentAsOf: AS_OF, previousAsOf: PREVIOUS, rows: [] });
  });
});
