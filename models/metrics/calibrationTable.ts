// Reliability table: mean predicted probability against the observed positive rate in equal-width probability bins.
import type { Scores } from './sortedScores.ts';

export interface CalibrationBin {
  lo: number;
  hi: number;
  predicted: number;
  observed: number;
  count: number;
}

/** Empty bins are left out; the last bin is closed at 1. */
export function calibrationTable(labels: Uint8Array, probabilities: Scores, bins = 10): CalibrationBin[] {
  if (labels.length !== probabilities.length) {
    throw new Error(
      `calibrationTable: labels have ${labels.length} rows but probabilities have ${probabilities.length}. Fix: pass one probability per label.`,
    );
  }
  const count = new Float64Array(bins);
  const sumP = new Float64Array(bins);
  const sumY = new Float64Array(bins);
  for (let i = 0; i < labels.length; i++) {
    const p = Math.min(1, Math.max(0, probabilities[i]!));
    const b = Math.min(bins - 1, Math.floor(p * bins));
    count[b]!++;
    sumP[b]! += p;
    sumY[b]! += labels[i]!;
  }
  const out: CalibrationBin[] = [];
  for (let b = 0; b < bins; b++) {
    if (count[b] === 0) continue;
    out.push({
      lo: b / bins,
      hi: (b + 1) / bins,
      predicted: sumP[b]! / count[b]!,
      observed: sumY[b]! / count[b]!,
      count: count[b]!,
    });
  }
  return out;
}
