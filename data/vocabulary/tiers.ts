// Tier names from scores and the config thresholds (a score exactly at a threshold belongs to the higher tier).
import type { TrustlensConfig } from '../config/configSchema.ts';

export const BUYER_TIERS = ['high', 'elevated', 'normal'] as const;
export type BuyerTier = (typeof BUYER_TIERS)[number];
/**
 * inactive: no orders in the trust window (the 90 days before the date): trust would be a guess from stale or absent
 * data,
 * so such merchants are neither at risk nor movers (README: merchant tiers).
 */
export const MERCHANT_TIERS = ['top-rated', 'standard', 'watch', 'at-risk', 'inactive'] as const;
export type MerchantTier = (typeof MERCHANT_TIERS)[number];

type Tiers = TrustlensConfig['tiers'];

export function buyerTier(risk: number, t: Pick<Tiers, 'buyerHigh' | 'buyerElevated'>): BuyerTier {
  return risk >= t.buyerHigh ? 'high' : risk >= t.buyerElevated ? 'elevated' : 'normal';
}

export function merchantTier(
  trust: number,
  t: Pick<Tiers, 'merchantTopRated' | 'merchantStandard' | 'merchantWatch'>,
  active = true,
): MerchantTier {
  if (!active) return 'inactive';
  if (trust >= t.merchantTopRated) return 'top-rated';
  if (trust >= t.merchantStandard) return 'standard';
  if (trust >= t.merchantWatch) return 'watch';
  return 'at-risk';
}
