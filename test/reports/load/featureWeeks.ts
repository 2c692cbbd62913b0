// Two weeks of a feature history table with ties, nulls, NaN, ±inf, booleans, decimals, ages and a column named like
// a query's own column, for the tests that pin warehouse-side PSI to reports/psi.ts.
import type { DuckDBValue } from '@duckdb/node-api';
import { Warehouse } from '../../../data/warehouse/Warehouse.ts';

export const PREVIOUS = '2026-10-26';
export const AS_OF = '2026-11-02';

export interface Values {
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
export function weekValues(n: number, seed: number, shift: number): Values[] {
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

export async function featureWarehouse(previous: Values[], current: Values[]): Promise<Warehouse> {
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
