// Last week rescored with this week's trust model is tiered the way scoring tiers with that model.
import { describe, expect, it } from 'vitest';
import { merchantTierOf, type MerchantTierSettings } from '../../../models/score/merchantTierOf.ts';
import { percentileTable, quantileThresholds } from '../../../models/score/quantileTiers.ts';
import { rescoredMerchants, type ComparableScore } from '../../../reports/load/loadComparison.ts';

// Held-out trust of a model whose calibration crowds every shop into 95–99.95: fixed thresholds (97 / 93 / 85) would
// call most of them top-rated.
const heldOut = Array.from({ length: 100 }, (_, i) => 95 + i / 20);
const shares = { atRisk: 0.05, watch: 0.1, standard: 0.2 };
const artifact = {
  tiers: {
    by: 'quantile' as const,
    shares,
    thresholds: quantileThresholds(heldOut, shares),
    percentiles: percentileTable(heldOut),
    rows: heldOut.length,
  },
};
const settings: MerchantTierSettings = {
  merchantBy: 'quantile',
  merchantStickiness: 0.05,
  merchantTopRated: 97,
  merchantStandard: 93,
  merchantWatch: 85,
};
// Trust 100 × (1 − p): m1 95.1, m2 95.7, m3 96.6, m4 99.0, m5 96.0.
const probabilities = new Map([
  ['m1', 0.049],
  ['m2', 0.043],
  ['m3', 0.034],
  ['m4', 0.01],
  ['m5', 0.04],
]);
const tierOf = merchantTierOf(settings, artifact);
const tiers = (m: Map<string, ComparableScore>) => Object.fromEntries([...m].map(([id, s]) => [id, s.tier]));

describe('last week rescored with a new trust model', () => {
  it('draws quantile tiers from the artifact, not the fixed trust thresholds', () => {
    expect(tiers(rescoredMerchants(probabilities, null, tierOf))).toEqual({
      m1: 'at-risk',
      m2: 'watch',
      m3: 'standard',
      m4: 'top-rated',
      m5: 'standard',
    });
  });

  it('keeps a published tier within the stickiness, as this week’s scoring does, and an inactive shop inactive', () => {
    const published = new Map<string, ComparableScore>([
      ['m3', { score: 98, tier: 'top-rated' }],
      ['m5', { score: 90, tier: 'inactive' }],
    ]);
    const r = tiers(rescoredMerchants(probabilities, published, tierOf));
    // m3 sits at the 32nd percentile: within 5 points of top-rated's band (from the 35th), so it stays.
    expect(r.m3).toBe('top-rated');
    expect(r.m5).toBe('inactive');
  });

  it('keeps the trust it was given', () => {
    expect(rescoredMerchants(probabilities, null, tierOf).get('m4')!.score).toBeCloseTo(99, 9);
  });
});
