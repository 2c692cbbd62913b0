// Quantile bins of a distribution plus a bin for missing values: the shared binning of PSI (reports) and training
// profiles (artifacts).

export function isKnown(v: number | null | undefined): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

/** The known (finite) values, sorted ascending. */
export function knownSorted(values: ArrayLike<number>): Float64Array {
  const known = new Float64Array(values.length);
  let n = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (Number.isFinite(v)) known[n++] = v;
  }
  return known.subarray(0, n).sort();
}

/** Interior cut points at the 1/bins … (bins−1)/bins quantiles of sorted known values, duplicates dropped. */
export function quantileCuts(sorted: ArrayLike<number>, bins: number): number[] {
  const cuts: number[] = [];
  for (let i = 1; i < bins; i++) {
    const q = sorted[Math.min(sorted.length - 1, Math.floor((i * sorted.length) / bins))] as number;
    if (cuts.length === 0 || q > (cuts[cuts.length - 1] as number)) cuts.push(q);
  }
  return cuts;
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
