// PR-AUC as average precision (scikit-learn's definition: sum over thresholds of Δrecall × precision, no
// interpolation).
import { splitSortedScores, type Scores } from './sortedScores.ts';

/** NaN when there are no positives. */
export function averagePrecision(labels: Uint8Array, scores: Scores): number {
  const { pos, neg } = splitSortedScores(labels, scores, 'averagePrecision');
  if (pos.length === 0) return NaN;
  let p = pos.length - 1;
  let n = neg.length - 1;
  let tp = 0;
  let fp = 0;
  let ap = 0;
  // Walk distinct thresholds from the highest score down, taking all tied rows of both classes at once.
  while (p >= 0) {
    const t = n >= 0 && neg[n]! > pos[p]! ? neg[n]! : pos[p]!;
    let dtp = 0;
    while (p >= 0 && pos[p] === t) {
      dtp++;
      p--;
    }
    while (n >= 0 && neg[n] === t) {
      fp++;
      n--;
    }
    tp += dtp;
    if (dtp > 0) ap += (dtp / pos.length) * (tp / (tp + fp));
  }
  return ap;
}
