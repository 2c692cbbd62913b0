// Precision-recall curve at each distinct score threshold, thinned to about maxPoints points for storage and charts.
import { splitSortedScores, type Scores } from './sortedScores.ts';

export interface PrPoint {
  recall: number;
  precision: number;
  threshold: number;
}

export function precisionRecallCurve(labels: Uint8Array, scores: Scores, maxPoints = 100): PrPoint[] {
  const { pos, neg } = splitSortedScores(labels, scores, 'precisionRecallCurve');
  const positives = pos.length;
  if (positives === 0) return [];
  // Walk both ascending arrays from the top: each distinct score, highest first, with the rows and positives at or
  // above it (what an index sort by descending score gave, without sorting an index array).
  const points: PrPoint[] = [];
  let p = pos.length;
  let q = neg.length;
  while (p > 0 || q > 0) {
    const t = p === 0 ? neg[q - 1]! : q === 0 ? pos[p - 1]! : Math.max(pos[p - 1]!, neg[q - 1]!);
    while (p > 0 && pos[p - 1] === t) p--;
    while (q > 0 && neg[q - 1] === t) q--;
    const tp = positives - p;
    points.push({ recall: tp / positives, precision: tp / (tp + neg.length - q), threshold: t });
  }
  if (points.length <= maxPoints) return points;
  // Keep the first and last thresholds and evenly spaced ones between.
  const step = (points.length - 1) / (maxPoints - 1);
  const kept: PrPoint[] = [];
  for (let j = 0; j < maxPoints; j++) kept.push(points[Math.round(j * step)]!);
  return kept;
}
