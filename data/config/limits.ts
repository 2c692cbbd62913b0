// Bounds of settings that later stages enforce, in one home: the config schema checks them up front (exit 2, naming the
// key) and the forest validates its own options against the same numbers.

/**
 * What the forest accepts (models/forest/train/options.ts). Config training.nTrees, training.threads and
 * training.seed feed these options, so the config refuses what the forest would refuse stages later.
 */
export const FOREST_LIMITS = {
  nTrees: { min: 1, max: 100_000, why: 'number of trees' },
  threads: { min: 1, max: 256, why: 'worker threads' },
  seed: { min: 0, max: 4_294_967_295, why: 'unsigned 32-bit' },
} as const;

/**
 * Most bootstrap resamples the simulator takes. It holds one Poisson weight per buyer per resample (a byte in memory
 * and a character in DuckDB: 20,000 buyers × 10,000 = 200 MB each) and a sum per cell, metric and resample; a 95%
 * percentile interval is steady after a few thousand resamples, so more only costs memory (3,000,000 ran out of it,
 * 1e12 past DuckDB's largest list).
 */
export const MAX_BOOTSTRAP = 10_000;
