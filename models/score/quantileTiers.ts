// Merchant tier thresholds at shares of a population's trust: learned from held-out predictions when the trust model is
// trained.

export interface TierShares {
  atRisk: number;
  watch: number;
  standard: number;
}

export interface TrustThresholds {
  merchantTopRated: number;
  merchantStandard: number;
  merchantWatch: number;
}

/**
 * Trust values below which the given shares of the population fall: the lowest `atRisk` share is at-risk, the next
 * `watch` share on watch, the next `standard` share standard, the rest top-rated (a value at a threshold is in the
 * higher tier, as with fixed thresholds).
 */
export function quantileThresholds(trust: ArrayLike<number>, shares: TierShares): TrustThresholds {
  const sorted = Float64Array.from(trust).filter(Number.isFinite).sort();
  if (sorted.length === 0) throw new Error('quantile tiers need at least one held-out merchant');
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length - 1e-9)))]!;
  const watch = at(shares.atRisk);
  const standard = Math.max(watch, at(shares.atRisk + shares.watch));
  return {
    merchantWatch: watch,
    merchantStandard: standard,
    merchantTopRated: Math.max(standard, at(shares.atRisk + shares.watch + shares.standard)),
  };
}

/**
 * Trust at each percentile 0…100 of a population (101 values, ascending): maps trust to a rank that means the same
 * across retrains.
 */
export function percentileTable(trust: ArrayLike<number>): number[] {
  const sorted = Float64Array.from(trust).filter(Number.isFinite).sort();
  if (sorted.length === 0) throw new Error('a percentile table needs at least one value');
  return Array.from(
    { length: 101 },
    (_, p) => sorted[Math.min(sorted.length - 1, Math.round((p / 100) * (sorted.length - 1)))]!,
  );
}

/** Share (0–1) of the population with a lower trust, interpolated in the percentile table. */
export function percentileOf(trust: number, table: readonly number[]): number {
  if (trust <= table[0]!) return 0;
  if (trust >= table[100]!) return 1;
  let lo = 0;
  let hi = 100;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (table[mid]! <= trust) lo = mid;
    else hi = mid;
  }
  const span = table[hi]! - table[lo]!;
  return (lo + (span > 0 ? (trust - table[lo]!) / span : 0)) / 100;
}

export const MERCHANT_TIER_ORDER = ['at-risk', 'watch', 'standard', 'top-rated'] as const;

/**
 * The tier of a percentile, sticky: a merchant keeps last week's tier until its percentile leaves that tier's band
 * by more than `stickiness`, so a retrain or a noisy week does not move shops that sit near an edge. The margin past an
 * edge is at most half the next band's width: with the default shares the at-risk band (5 points) is narrower than the
 * stickiness, and a full margin held every watch shop in watch down to the lowest trust of the marketplace.
 */
export function stickyTier(
  percentile: number,
  shares: TierShares,
  previous: string | null,
  stickiness: number,
): (typeof MERCHANT_TIER_ORDER)[number] {
  const edges = [0, shares.atRisk, shares.atRisk + shares.watch, shares.atRisk + shares.watch + shares.standard, 1];
  const raw = percentile < edges[1]! ? 0 : percentile < edges[2]! ? 1 : percentile < edges[3]! ? 2 : 3;
  const prev = previous === null ? -1 : MERCHANT_TIER_ORDER.indexOf(previous as (typeof MERCHANT_TIER_ORDER)[number]);
  if (prev < 0 || prev === raw) return MERCHANT_TIER_ORDER[raw]!;
  const below = prev === 0 ? stickiness : Math.min(stickiness, (edges[prev]! - edges[prev - 1]!) / 2);
  const above = prev === 3 ? stickiness : Math.min(stickiness, (edges[prev + 2]! - edges[prev + 1]!) / 2);
  const inBand = percentile >= edges[prev]! - below && percentile < edges[prev + 1]! + above;
  return MERCHANT_TIER_ORDER[inBand ? prev : raw]!;
}
