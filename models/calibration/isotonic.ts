// Isotonic calibration: pool-adjacent-violators on held-out scores, applied by linear interpolation between block
// centres.
import { splitSortedScores, type Scores } from '../metrics/sortedScores.ts';

/** Knots of a non-decreasing piecewise-linear map from raw score to probability. */
export interface IsotonicMap {
  method: 'isotonic';
  /** Mean raw score of each pooled block, strictly increasing. */
  x: number[];
  /** Positive rate of each block, non-decreasing. */
  y: number[];
}

export function fitIsotonic(scores: Scores, labels: Uint8Array): IsotonicMap {
  if (scores.length !== labels.length)
    throw new Error(`fitIsotonic: ${scores.length} scores for ${labels.length} labels. Fix: one score per label.`);
  if (scores.length === 0)
    throw new Error('fitIsotonic: no held-out rows to calibrate on. Fix: hold out at least one snapshot with rows.');
  // Blocks start as one per distinct score (ties must map to one value), then merge while a block's rate exceeds the
  // next's. A block needs only its rows and positives, so the positives' and the negatives' scores, each sorted
  // natively (splitSortedScores), are walked up together instead of an index sort by score (seconds on millions of
  // held-out rows, five fits per model).
  const { pos, neg } = splitSortedScores(labels, scores, 'fitIsotonic');
  const pool = new IsotonicPool();
  let p = 0;
  let q = 0;
  while (p < pos.length || q < neg.length) {
    const s = p === pos.length ? neg[q]! : q === neg.length ? pos[p]! : Math.min(pos[p]!, neg[q]!);
    const [p0, q0] = [p, q];
    while (p < pos.length && pos[p] === s) p++;
    while (q < neg.length && neg[q] === s) q++;
    pool.add(s, p - p0 + (q - q0), p - p0);
  }
  return pool.map();
}

/**
 * Pool-adjacent-violators over blocks of tied scores given in ascending order (a score, its rows, its positives): each
 * new block merges into the one before while that one's positive rate is at least its own.
 */
export class IsotonicPool {
  private readonly sx: number[] = [];
  private readonly sy: number[] = [];
  private readonly w: number[] = [];

  add(score: number, rows: number, positives: number): void {
    const { sx, sy, w } = this;
    sx.push(score * rows);
    sy.push(positives);
    w.push(rows);
    while (sx.length > 1 && sy[sy.length - 2]! / w[w.length - 2]! >= sy[sy.length - 1]! / w[w.length - 1]!) {
      const x1 = sx.pop()!;
      const y1 = sy.pop()!;
      const w1 = w.pop()!;
      sx[sx.length - 1]! += x1;
      sy[sy.length - 1]! += y1;
      w[w.length - 1]! += w1;
    }
  }

  map(): IsotonicMap {
    const { sx, sy, w } = this;
    return { method: 'isotonic', x: sx.map((v, i) => v / w[i]!), y: sy.map((v, i) => v / w[i]!) };
  }
}

export function applyIsotonic(map: IsotonicMap, scores: Scores): Float64Array {
  const { x, y } = map;
  const out = new Float64Array(scores.length);
  for (let i = 0; i < scores.length; i++) {
    const s = scores[i]!;
    if (s <= x[0]!) out[i] = y[0]!;
    else if (s >= x[x.length - 1]!) out[i] = y[y.length - 1]!;
    else {
      let lo = 0;
      let hi = x.length - 1;
      while (hi - lo > 1) {
        const mid = (lo + hi) >> 1;
        if (x[mid]! <= s) lo = mid;
        else hi = mid;
      }
      const t = (s - x[lo]!) / (x[hi]! - x[lo]!);
      out[i] = y[lo]! + t * (y[hi]! - y[lo]!);
    }
  }
  return out;
}
