// Merchant tiers by shares of the held-out merchants' trust, and sticky tiers that ignore small rank moves near an
// edge.
import { describe, expect, it } from 'vitest';
import { percentileOf, percentileTable, quantileThresholds, stickyTier } from '../../../models/score/quantileTiers.ts';

const trust = Array.from({ length: 100 }, (_, i) => 50 + i / 2); // 50, 50.5, …, 99.5
const shares = { atRisk: 0.05, watch: 0.1, standard: 0.2 };

describe('quantile tiers', () => {
  it('puts the thresholds at the configured shares of the population', () => {
    expect(quantileThresholds(trust, shares)).toEqual({
      merchantWatch: 52.5,
      merchantStandard: 57.5,
      merchantTopRated: 67.5,
    });
  });

  it('maps trust to its percentile through the stored table, interpolating between percentiles', () => {
    const table = percentileTable(trust);
    expect(table).toHaveLength(101);
    expect(percentileOf(40, table)).toBe(0);
    expect(percentileOf(100, table)).toBe(1);
    expect(percentileOf(table[30]!, table)).toBeCloseTo(0.3, 9);
    expect(percentileOf((table[30]! + table[31]!) / 2, table)).toBeCloseTo(0.305, 9);
  });

  it('gives the tier of the percentile to a merchant without a previous tier', () => {
    expect([0.01, 0.07, 0.2, 0.5].map((p) => stickyTier(p, shares, null, 0.05))).toEqual([
      'at-risk',
      'watch',
      'standard',
      'top-rated',
    ]);
  });

  it('keeps last week’s tier while the percentile stays within the stickiness of its band', () => {
    expect(stickyTier(0.33, shares, 'top-rated', 0.05)).toBe('top-rated');
    expect(stickyTier(0.31, shares, 'top-rated', 0.05)).toBe('top-rated');
    expect(stickyTier(0.29, shares, 'top-rated', 0.05)).toBe('standard');
    expect(stickyTier(0.39, shares, 'standard', 0.05)).toBe('standard');
    expect(stickyTier(0.41, shares, 'standard', 0.05)).toBe('top-rated');
    expect(stickyTier(0.02, shares, 'standard', 0.05)).toBe('at-risk');
  });
});
