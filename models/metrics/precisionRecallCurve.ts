// Precision-recall curve at each distinct score threshold, thinned to about maxPoints points for storage and charts.
import type { Scores } from './sortedScores.ts';

export interface PrPoint {
  recall: number;
  precision: number;
  threshold: number;
}

export function precisionRecallCurve(labels: Uint8Array, scores: Scores, maxPoints = 100): PrPoint[] {
  const n = labels.length;
  let positives = 0;
  for (let i = 0; i < n; i++) positives += labels[i]!;
  if (positives === 0) return [];
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[b]! - scores[a]!);
  const points: PrPoint[] = [];
  let tp = 0;
  let i = 0;
  while (i < n) {
    const t = scores[order[i]!]!;
    while (i < n && scores[order[i]!] === t) tp += labels[order[i++]!]!;
    points.push({ recall: tp / positives, precision: tp / i, threshold: t });
  }
  if (points.length <= maxPoints) return points;
  // Keep the first and last thresholds and evenly spaced ones between.
  const step = (points.length - 1) / (maxPoints - 1);
  const kept: PrPoint[] = [];
  for (let j = 0; j < maxPoints; j++) kept.push(points[Math.round(j * step)]!);
  return kept;
}
