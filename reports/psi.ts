// Population stability index: how far this week's distribution of a feature or score has moved from last week's.
export interface PsiOptions {
  /** Quantile bins taken from the previous (expected) distribution. */
  bins?: number;
  /** Share given to an empty bin so the log stays finite. */
  epsilon?: number;
}

export interface PsiResult {
  psi: number;
  /** Interior cut points; bin i holds cuts[i-1] <= v < cuts[i]. A last bin holds missing values. */
  cuts: number[];
  expectedShares: number[];
  actualShares: number[];
}

/** Conventional reading: below 0.1 stable, 0.1–0.25 moderate shift, above 0.25 major shift. */
export function psiBand(psi: number): 'stable' | 'moderate' | 'major' {
  return psi < 0.1 ? 'stable' : psi < 0.25 ? 'moderate' : 'major';
}

/** PSI = Σ (a − e) · ln(a / e) over bins, with empty shares raised to epsilon. */
export function psiFromShares(expected: readonly number[], actual: readonly number[], epsilon = 1e-4): number {
  if (expected.length !== actual.length)
    throw new Error(`psiFromShares: ${expected.length} expected bins but ${actual.length} actual`);
  let total = 0;
  for (let i = 0; i < expected.length; i++) {
    const e = Math.max(expected[i] as number, epsilon);
    const a = Math.max(actual[i] as number, epsilon);
    total += (a - e) * Math.log(a / e);
  }
  return total;
}

function isValue(v: number | null | undefined): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

function quantileCuts(sorted: readonly number[], bins: number): number[] {
  const cuts: number[] = [];
  for (let i = 1; i < bins; i++) {
    const q = sorted[Math.min(sorted.length - 1, Math.floor((i * sorted.length) / bins))] as number;
    if (cuts.length === 0 || q > (cuts[cuts.length - 1] as number)) cuts.push(q);
  }
  return cuts;
}

function binOf(cuts: readonly number[], v: number): number {
  let lo = 0;
  let hi = cuts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((cuts[mid] as number) <= v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function shares(values: ArrayLike<number | null | undefined>, cuts: readonly number[]): number[] {
  const counts = new Array<number>(cuts.length + 2).fill(0);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    counts[isValue(v) ? binOf(cuts, v) : cuts.length + 1]! += 1;
  }
  return counts.map((c) => (values.length ? c / values.length : 0));
}

/**
 * PSI of `actual` (this week) against `expected` (last week), with quantile bins of `expected` and one bin for missing values.
 * Returns null when either side is empty.
 */
export function psi(
  expected: ArrayLike<number | null | undefined>,
  actual: ArrayLike<number | null | undefined>,
  opts: PsiOptions = {},
): PsiResult | null {
  if (expected.length === 0 || actual.length === 0) return null;
  const bins = opts.bins ?? 10;
  const present = Array.from(expected)
    .filter(isValue)
    .sort((a, b) => a - b);
  const cuts = present.length ? quantileCuts(present, bins) : [];
  const expectedShares = shares(expected, cuts);
  const actualShares = shares(actual, cuts);
  return { psi: psiFromShares(expectedShares, actualShares, opts.epsilon ?? 1e-4), cuts, expectedShares, actualShares };
}
