// Tiers follow the config thresholds; a score exactly at a threshold takes the higher tier.
import { describe, expect, it } from 'vitest';
import { configSchema } from '../../../data/config/configSchema.ts';
import { buyerTier, merchantTier } from '../../../data/vocabulary/tiers.ts';

const { tiers } = configSchema.parse({});

describe('tiers', () => {
  it('buyers: high from 0.5, elevated from 0.2 by default', () => {
    expect([0, 0.199, 0.2, 0.499, 0.5, 1].map((r) => buyerTier(r, tiers))).toEqual([
      'normal',
      'normal',
      'elevated',
      'elevated',
      'high',
      'high',
    ]);
  });

  it('merchants: top-rated from 97, standard from 93, watch from 85, at-risk below', () => {
    expect([100, 97, 96.9, 93, 92.9, 85, 84.9, 0].map((t) => merchantTier(t, tiers))).toEqual([
      'top-rated',
      'top-rated',
      'standard',
      'standard',
      'watch',
      'watch',
      'at-risk',
      'at-risk',
    ]);
  });

  it('merchants without orders in the trust window: inactive whatever the trust, never at risk', () => {
    expect([99, 50, 0].map((t) => merchantTier(t, tiers, false))).toEqual(['inactive', 'inactive', 'inactive']);
  });

  it('follows other thresholds from the config', () => {
    const custom = configSchema.parse({ tiers: { buyerHigh: 0.9, buyerElevated: 0.1 } }).tiers;
    expect(buyerTier(0.6, custom)).toBe('elevated');
  });
});
