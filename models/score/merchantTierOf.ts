// The tier function of one trust artifact, shared by scoring and by the report that rescores last week with it.
import type { TrustlensConfig } from '../../data/config/configSchema.ts';
import { merchantTier, type MerchantTier } from '../../data/vocabulary/tiers.ts';
import type { ArtifactFile } from '../registry/artifactFile.ts';
import { percentileOf, stickyTier, type TrustThresholds } from './quantileTiers.ts';

/** The tier settings a tier function reads (config `tiers`). */
export type MerchantTierSettings = Pick<
  TrustlensConfig['tiers'],
  'merchantBy' | 'merchantStickiness' | 'merchantTopRated' | 'merchantStandard' | 'merchantWatch'
>;

/**
 * Quantile tiers come from the artifact that scores (learned at its training); trust tiers, or an artifact without
 * them, from config.
 */
export function merchantThresholds(
  tiers: MerchantTierSettings,
  artifact: Pick<ArtifactFile, 'tiers'>,
): TrustThresholds {
  if (tiers.merchantBy === 'quantile' && artifact.tiers) return artifact.tiers.thresholds;
  return {
    merchantTopRated: tiers.merchantTopRated,
    merchantStandard: tiers.merchantStandard,
    merchantWatch: tiers.merchantWatch,
  };
}

/** A tier function for one artifact: sticky quantile tiers when it learned them, else the trust thresholds. */
export function merchantTierOf(
  tiers: MerchantTierSettings,
  artifact: Pick<ArtifactFile, 'tiers'>,
): (trust: number, previous: string | null) => MerchantTier {
  const t = artifact.tiers;
  if (tiers.merchantBy !== 'quantile' || !t) {
    const thresholds = merchantThresholds(tiers, artifact);
    return (trust) => merchantTier(trust, thresholds);
  }
  return (trust, previous) =>
    stickyTier(percentileOf(trust, t.percentiles), t.shares, previous, tiers.merchantStickiness);
}
