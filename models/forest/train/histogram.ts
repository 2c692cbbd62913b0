// Per-node gradient-free histograms: for each feature and bin code, weighted class-0, weighted class-1 and row counts.

/** Layout: [feature][code 0..255][channel], channels = weight of class 0, weight of class 1, distinct-row count. */
export const BIN_SLOTS = 256;
export const CHANNELS = 3;
export const FEATURE_STRIDE = BIN_SLOTS * CHANNELS;

export function histogramSize(nFeatures: number): number {
  return nFeatures * FEATURE_STRIDE;
}

/** Accumulates rows[start..end) over all features; row-major codes keep one row's features in one cache line. */
export function buildHistogram(
  hist: Float64Array,
  codes: Uint8Array,
  nFeatures: number,
  rows: Uint32Array,
  start: number,
  end: number,
  weight: Float64Array,
  labels: Uint8Array,
): void {
  hist.fill(0);
  const whole = nFeatures & ~3;
  for (let i = start; i < end; i++) {
    const r = rows[i]!;
    const w = weight[r]!;
    const y = labels[r]!;
    const base = r * nFeatures;
    let f = 0;
    // Four features per step (faster than one: see README, Measurements); each bin still sums its rows in row order.
    for (; f < whole; f += 4) {
      const off = f * FEATURE_STRIDE;
      let k = off + codes[base + f]! * CHANNELS;
      hist[k + y] += w;
      hist[k + 2] += 1;
      k = off + FEATURE_STRIDE + codes[base + f + 1]! * CHANNELS;
      hist[k + y] += w;
      hist[k + 2] += 1;
      k = off + 2 * FEATURE_STRIDE + codes[base + f + 2]! * CHANNELS;
      hist[k + y] += w;
      hist[k + 2] += 1;
      k = off + 3 * FEATURE_STRIDE + codes[base + f + 3]! * CHANNELS;
      hist[k + y] += w;
      hist[k + 2] += 1;
    }
    for (; f < nFeatures; f++) {
      const k = f * FEATURE_STRIDE + codes[base + f]! * CHANNELS;
      hist[k + y] += w;
      hist[k + 2] += 1;
    }
  }
}

/** parent -= child, turning the parent's histogram into the sibling's without touching its rows. */
export function subtractHistogram(parent: Float64Array, child: Float64Array): void {
  for (let i = 0; i < parent.length; i += CHANNELS) {
    const count = parent[i + 2]! - child[i + 2]!;
    // Counts are exact; when a bin empties, clear its weights too so rounding cannot leave ghost mass behind.
    parent[i] = count === 0 ? 0 : parent[i]! - child[i]!;
    parent[i + 1] = count === 0 ? 0 : parent[i + 1]! - child[i + 1]!;
    parent[i + 2] = count;
  }
}

/**
 * Histograms of features[from .. from+count) straight from the rows (the q-th at hist[q × FEATURE_STRIDE]), for nodes
 * too small to be worth a full histogram. One pass over the rows serves four sampled features, so each row's weight,
 * label and code line are read once per four features.
 */
export function buildFeatureHistograms(
  hist: Float64Array,
  features: Int32Array,
  from: number,
  count: number,
  codes: Uint8Array,
  nFeatures: number,
  rows: Uint32Array,
  start: number,
  end: number,
  weight: Float64Array,
  labels: Uint8Array,
): void {
  hist.fill(0, 0, count * FEATURE_STRIDE);
  // Passes over the rows with four or five features each, their columns in locals: faster than a loop over the
  // features inside the row loop (see README, Measurements). Five takes the common 'sqrt' of 25–35 features in one
  // pass. Each bin still sums its rows in row order, so the sums do not depend on the grouping.
  let q = 0;
  while (count - q >= 4) {
    const five = count - q >= 5 && count - q <= 7;
    const f0 = features[from + q]!;
    const f1 = features[from + q + 1]!;
    const f2 = features[from + q + 2]!;
    const f3 = features[from + q + 3]!;
    const o0 = q * FEATURE_STRIDE;
    const o1 = o0 + FEATURE_STRIDE;
    const o2 = o1 + FEATURE_STRIDE;
    const o3 = o2 + FEATURE_STRIDE;
    const f4 = five ? features[from + q + 4]! : 0;
    const o4 = o3 + FEATURE_STRIDE;
    for (let i = start; i < end; i++) {
      const r = rows[i]!;
      const w = weight[r]!;
      const y = labels[r]!;
      const base = r * nFeatures;
      let k = o0 + codes[base + f0]! * CHANNELS;
      hist[k + y] += w;
      hist[k + 2] += 1;
      k = o1 + codes[base + f1]! * CHANNELS;
      hist[k + y] += w;
      hist[k + 2] += 1;
      k = o2 + codes[base + f2]! * CHANNELS;
      hist[k + y] += w;
      hist[k + 2] += 1;
      k = o3 + codes[base + f3]! * CHANNELS;
      hist[k + y] += w;
      hist[k + 2] += 1;
      if (five) {
        k = o4 + codes[base + f4]! * CHANNELS;
        hist[k + y] += w;
        hist[k + 2] += 1;
      }
    }
    q += five ? 5 : 4;
  }
  for (; q < count; q++) {
    const f = features[from + q]!;
    const off = q * FEATURE_STRIDE;
    for (let i = start; i < end; i++) {
      const r = rows[i]!;
      const k = off + codes[r * nFeatures + f]! * CHANNELS;
      hist[k + labels[r]!] += weight[r]!;
      hist[k + 2] += 1;
    }
  }
}

/**
 * Whether a node of `count` rows should carry a full all-feature histogram. Clearing and subtracting one costs about
 * 2 × nFeatures × 768 operations; below this size, histogramming only the sampled features from the rows is cheaper.
 */
export function wantsFullHistogram(count: number, nFeatures: number, maxFeatures: number): boolean {
  return count * Math.max(1, nFeatures / 2 - maxFeatures / 4) >= 2 * nFeatures * FEATURE_STRIDE;
}
