// Quantile bins of a distribution plus a bin for missing values: the shared binning of PSI (reports) and training
// profiles (artifacts).
import { selectManyInPlace } from './selectInPlace.ts';

export function isKnown(v: number | null | undefined): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

/** The 1/bins … (bins−1)/bins quantile positions of n sorted values, non-decreasing. */
export function cutPositions(n: number, bins: number): number[] {
  const positions: number[] = [];
  for (let i = 1; i < bins; i++) positions.push(Math.min(n - 1, Math.floor((i * n) / bins)));
  return positions;
}

/** The values at the cut positions, in order, with every value not above the one before dropped. */
export function distinctCuts(values: readonly number[]): number[] {
  const cuts: number[] = [];
  for (const q of values) if (cuts.length === 0 || q > cuts[cuts.length - 1]!) cuts.push(q);
  return cuts;
}

/** Interior cut points at the 1/bins … (bins−1)/bins quantiles of sorted known values, duplicates dropped. */
export function quantileCuts(sorted: ArrayLike<number>, bins: number): number[] {
  return distinctCuts(cutPositions(sorted.length, bins).map((p) => sorted[p] as number));
}

/**
 * quantileCuts of the sorted finite values, without the sort, and how many values are known: the cuts' order
 * statistics are selected together (linear in the values; a training profile sorted some 60 columns of every training
 * row). A cut may come out as -0 where the sort gives 0: equal as a number, for bins and duplicates alike.
 * `scratch` (at least as long as `values`) is overwritten.
 */
export function knownQuantileCuts(
  values: ArrayLike<number>,
  bins: number,
  scratch?: Float64Array,
): { cuts: number[]; known: number } {
  // a caller cutting many columns of one length lends one scratch array instead of allocating one per column
  const known = scratch && scratch.length >= values.length ? scratch : new Float64Array(values.length);
  let n = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (Number.isFinite(v)) known[n++] = v;
  }
  if (n === 0) return { cuts: [], known: 0 };
  const finite = known.subarray(0, n);
  return { cuts: distinctCuts(selectManyInPlace(finite, cutPositions(n, bins))), known: n };
}

/** Bin of a known value: bin i holds cuts[i−1] <= v < cuts[i]. */
export function binOf(cuts: readonly number[], v: number): number {
  let lo = 0;
  let hi = cuts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((cuts[mid] as number) <= v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Share of values per bin: cuts.length + 1 value bins, then one bin for missing values. */
export function binShares(values: ArrayLike<number | null | undefined>, cuts: readonly number[]): number[] {
  const counts = new Array<number>(cuts.length + 2).fill(0);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    counts[isKnown(v) ? binOf(cuts, v) : cuts.length + 1]! += 1;
  }
  return counts.map((c) => (values.length ? c / values.length : 0));
}
