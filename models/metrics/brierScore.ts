// Brier score: mean squared error of predicted probabilities against 0/1 labels (lower is better).
import type { Scores } from './sortedScores.ts';

export function brierScore(labels: Uint8Array, probabilities: Scores): number {
  if (labels.length !== probabilities.length) {
    throw new Error(
      `brierScore: labels have ${labels.length} rows but probabilities have ${probabilities.length}. Fix: pass one probability per label.`,
    );
  }
  if (labels.length === 0) return NaN;
  let sum = 0;
  for (let i = 0; i < labels.length; i++) {
    const d = probabilities[i]! - labels[i]!;
    sum += d * d;
  }
  return sum / labels.length;
}
