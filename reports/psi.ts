// Population stability index: how far this week's distribution of a feature or score has moved from last week's.
import { binShares, isKnown, quantileCuts } from '../models/metrics/populationBins.ts';

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

/**
 * PSI of `actual` (this week) against `expected` (last week), with quantile bins of `expected` and one bin for missing
 * values.
 * Returns null when either side is empty. The definition the report's drift, binned in the warehouse
 * (reports/load/loadDrift.ts), is pinned to.
 */
export function psi(
  expected: ArrayLike<number | null | undefined>,
  actual: ArrayLike<number | null | undefined>,
  opts: PsiOptions = {},
): PsiResult | null {
  if (expected.length === 0 || actual.length === 0) return null;
  const bins = opts.bins ?? 10;
  const present = Array.from(expected)
    .filter(isKnown)
    .sort((a, b) => a - b);
  const cuts = present.length ? quantileCuts(present, bins) : [];
  const expectedShares = binShares(expected, cuts);
  const actualShares = binShares(actual, cuts);
  return { psi: psiFromShares(expectedShares, actualShares, opts.epsilon ?? 1e-4), cuts, expectedShares, actualShares };
}

/**
 * PSI of `actual` against a stored profile (cuts and shares of the expected distribution, missing-value bin last): the
 * definition the model card's training comparison, binned in the warehouse, is pinned to.
 */
export function psiAgainstProfile(
  profile: { cuts: readonly number[]; shares: readonly number[] },
  actual: ArrayLike<number | null | undefined>,
  epsilon = 1e-4,
): number | null {
  if (actual.length === 0) return null;
  return psiOfSharesAgainstProfile(profile, binShares(actual, profile.cuts), epsilon);
}

/** PSI of shares already binned by the profile's cuts (missing-value bin last) against the profile's shares. */
export function psiOfSharesAgainstProfile(
  profile: { cuts: readonly number[]; shares: readonly number[] },
  actualShares: readonly number[],
  epsilon = 1e-4,
): number | null {
  if (profile.shares.length !== profile.cuts.length + 2) return null;
  return psiFromShares(profile.shares, actualShares, epsilon);
}
