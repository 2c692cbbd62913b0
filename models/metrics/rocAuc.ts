// ROC-AUC as the probability a random positive outscores a random negative (ties count half).
import { splitSortedScores, type Scores } from './sortedScores.ts';

/** NaN when only one class is present (AUC is undefined there). */
export function rocAuc(labels: Uint8Array, scores: Scores): number {
  const { pos, neg } = splitSortedScores(labels, scores, 'rocAuc');
  if (pos.length === 0 || neg.length === 0) return NaN;
  let below = 0; // negatives strictly below the current positive score
  let upTo = 0; // negatives at or below it
  let sum = 0;
  for (let i = 0; i < pos.length; i++) {
    const s = pos[i]!;
    while (below < neg.length && neg[below]! < s) below++;
    if (upTo < below) upTo = below;
    while (upTo < neg.length && neg[upTo]! <= s) upTo++;
    sum += below + (upTo - below) / 2;
  }
  return sum / pos.length / neg.length;
}
