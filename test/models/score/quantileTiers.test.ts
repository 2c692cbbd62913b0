// Merchant tiers by shares of the held-out merchants' trust, and sticky tiers that ignore small rank moves near an
// edge.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MERCHANT_TIER_ORDER,
  percentileOf,
  percentileTable,
  quantileThresholds,
  stickyTier,
} from '../../../models/score/quantileTiers.ts';

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

  it('holds a shop past an edge by at most half the next band: a watch shop falls to at-risk below 2.5 %', () => {
    // the at-risk band is 5 points wide, narrower than the 5-point stickiness: the lowest shop of all was held in watch
    expect(stickyTier(0, shares, 'watch', 0.05)).toBe('at-risk');
    expect(stickyTier(0.02, shares, 'watch', 0.05)).toBe('at-risk');
    expect(stickyTier(0.03, shares, 'watch', 0.05)).toBe('watch');
    // an at-risk shop climbs out only past the stickiness, the watch band being wide enough for it
    expect(stickyTier(0.09, shares, 'at-risk', 0.05)).toBe('at-risk');
    expect(stickyTier(0.11, shares, 'at-risk', 0.05)).toBe('watch');
  });

  it('never holds a shop in a tier when its percentile is past the middle of a neighbouring band', () => {
    const band = fc.double({ min: 0.01, max: 0.3, noNaN: true });
    fc.assert(
      fc.property(
        band,
        band,
        band,
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.constantFrom(...MERCHANT_TIER_ORDER),
        fc.double({ min: 0, max: 0.5, noNaN: true }),
        (atRisk, watch, standard, percentile, previous, stickiness) => {
          const s = { atRisk, watch, standard };
          const edges = [0, atRisk, atRisk + watch, atRisk + watch + standard, 1];
          const tier = MERCHANT_TIER_ORDER.indexOf(stickyTier(percentile, s, previous, stickiness));
          const raw = MERCHANT_TIER_ORDER.indexOf(stickyTier(percentile, s, null, stickiness));
          // at most one tier from the unsticky one, and only while within half of the raw band of the kept edge
          expect(Math.abs(tier - raw)).toBeLessThanOrEqual(1);
          if (tier > raw) expect(percentile).toBeGreaterThanOrEqual((edges[raw]! + edges[raw + 1]!) / 2);
          if (tier < raw) expect(percentile).toBeLessThan((edges[raw]! + edges[raw + 1]!) / 2);
        },
      ),
    );
  });
});
