// The pieces of SQL the warehouse-side binning queries share: a column's known value, its counts below bound cuts, and
// those cuts as parameters.
import { quoteIdent } from '../../data/warehouse/quoteIdent.ts';

/**
 * Column `name` of the table (aliased t) as c{index}, moved by `shift` (SQL added to the value, or ''): missing values
 * (NaN and ±inf too) become null, so comparisons and sums pass them by. Positional names keep any column name (one
 * called "week", say) clear of the query's own columns.
 */
export function knownValue(name: string, index: number, shift = ''): string {
  const value = `cast(t.${quoteIdent(name)} as double)${shift}`;
  return `case when isfinite(${value}) then ${value} end as c${index}`;
}

/** Known values of c{index} (over rows aliased w) below each of its cuts, cut j bound as $k{index}_{j}. */
export function belowCuts(cuts: readonly number[], index: number): string {
  const counts = cuts.map((_, j) => `count_if(w.c${index} < cast($k${index}_${j} as double))`);
  return `cast([${counts.join(', ')}] as bigint[])`;
}

/**
 * The parameters belowCuts refers to, for column i's cuts at cuts[i]. Sent as text and cast back in SQL: a whole-number
 * cut would otherwise bind as BIGINT, and one past 2^63 could not bind at all; JavaScript writes the shortest text
 * that reads back as the same double, so the cut is exactly the one computed.
 */
export function cutParams(cuts: readonly (readonly number[])[]): Record<string, string> {
  const params: Record<string, string> = {};
  cuts.forEach((k, i) => k.forEach((cut, j) => (params[`k${i}_${j}`] = String(cut))));
  return params;
}
