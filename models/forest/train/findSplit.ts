// Best Gini split of one feature from its node histogram, trying both directions for missing values.
import { CHANNELS } from './histogram.ts';
import { MISSING_CODE } from './binning.ts';

/** Mutable result reused across nodes so the hot loop allocates nothing. */
export interface SplitCandidate {
  found: boolean;
  /** Gini score of the children, sum over children of (w0² + w1²) / w; larger is better. */
  score: number;
  feature: number;
  bin: number;
  missingLeft: boolean;
  left0: number;
  left1: number;
  leftCount: number;
}

export function emptyCandidate(): SplitCandidate {
  return { found: false, score: -Infinity, feature: -1, bin: 0, missingLeft: false, left0: 0, left1: 0, leftCount: 0 };
}

/**
 * Scans thresholds "code <= b" of feature f, whose histogram starts at hist[off], and updates `best` when a valid
 * split beats it. Totals are the node's (weighted class 0, weighted class 1, distinct rows).
 */
export function scanFeature(
  hist: Float64Array,
  off: number,
  f: number,
  nBins: number,
  total0: number,
  total1: number,
  totalCount: number,
  minLeaf: number,
  best: SplitCandidate,
): void {
  const mk = off + MISSING_CODE * CHANNELS;
  const m0 = hist[mk]!;
  const m1 = hist[mk + 1]!;
  const mc = hist[mk + 2]!;
  const nonMissingCount = totalCount - mc;
  let l0 = 0;
  let l1 = 0;
  let lc = 0;
  for (let b = 0; b < nBins; b++) {
    const k = off + b * CHANNELS;
    const c = hist[k + 2]!;
    if (c === 0) continue;
    l0 += hist[k]!;
    l1 += hist[k + 1]!;
    lc += c;
    // Missing goes right: left = bins 0..b. At the last bin this is the "missing vs not" split.
    if (lc >= minLeaf && totalCount - lc >= minLeaf && (lc < nonMissingCount || mc > 0)) {
      const r0 = total0 - l0;
      const r1 = total1 - l1;
      const lw = l0 + l1;
      const rw = r0 + r1;
      if (lw > 0 && rw > 0) {
        const s = (l0 * l0 + l1 * l1) / lw + (r0 * r0 + r1 * r1) / rw;
        if (s > best.score) {
          best.found = true;
          best.score = s;
          best.feature = f;
          best.bin = b;
          // Without missing rows here, send future NaNs to the heavier child.
          best.missingLeft = mc === 0 && lw >= rw;
          best.left0 = l0;
          best.left1 = l1;
          best.leftCount = lc;
        }
      }
    }
    // Missing goes left: only distinct when this node has missing rows and some non-missing rows remain right.
    if (mc > 0 && lc < nonMissingCount) {
      const a0 = l0 + m0;
      const a1 = l1 + m1;
      const ac = lc + mc;
      if (ac >= minLeaf && totalCount - ac >= minLeaf) {
        const r0 = total0 - a0;
        const r1 = total1 - a1;
        const lw = a0 + a1;
        const rw = r0 + r1;
        if (lw > 0 && rw > 0) {
          const s = (a0 * a0 + a1 * a1) / lw + (r0 * r0 + r1 * r1) / rw;
          if (s > best.score) {
            best.found = true;
            best.score = s;
            best.feature = f;
            best.bin = b;
            best.missingLeft = true;
            best.left0 = a0;
            best.left1 = a1;
            best.leftCount = ac;
          }
        }
      }
    }
    if (lc === nonMissingCount) break;
  }
}
