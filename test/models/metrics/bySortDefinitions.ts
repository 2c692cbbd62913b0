// The rank metrics and isotonic fit as first written, by sorting an index array: the definitions the sort-free code
// must match exactly (property tests).
import { IsotonicPool, type IsotonicMap } from '../../../models/calibration/isotonic.ts';
import type { PrPoint } from '../../../models/metrics/precisionRecallCurve.ts';

const byScore = (scores: ArrayLike<number>, dir: 1 | -1) =>
  Array.from({ length: scores.length }, (_, i) => i).sort((a, b) => dir * (scores[a]! - scores[b]!));

/** The k-th highest score, the cut of precision@k. */
export function kthHighestBySort(scores: ArrayLike<number>, k: number): number {
  return scores[byScore(scores, -1)[k - 1]!]!;
}

export function prCurveBySort(labels: Uint8Array, scores: ArrayLike<number>): PrPoint[] {
  const n = labels.length;
  let positives = 0;
  for (let i = 0; i < n; i++) positives += labels[i]!;
  if (positives === 0) return [];
  const order = byScore(scores, -1);
  const points: PrPoint[] = [];
  let tp = 0;
  let i = 0;
  while (i < n) {
    const t = scores[order[i]!]!;
    while (i < n && scores[order[i]!] === t) tp += labels[order[i++]!]!;
    points.push({ recall: tp / positives, precision: tp / i, threshold: t });
  }
  return points;
}

/** Blocks of tied scores found by an index sort, pooled as the fit pools them. */
export function isotonicBySort(scores: ArrayLike<number>, labels: Uint8Array): IsotonicMap {
  const order = byScore(scores, 1);
  const pool = new IsotonicPool();
  for (let i = 0; i < order.length;) {
    const s = scores[order[i]!]!;
    let n = 0;
    let pos = 0;
    while (i < order.length && scores[order[i]!] === s) {
      pos += labels[order[i]!]!;
      n++;
      i++;
    }
    pool.add(s, n, pos);
  }
  return pool.map();
}
