// All held-out metrics of one scorer in the artifact's format; precision@k and recall@k per weekly snapshot, averaged.
import type { ModelMetrics } from '../artifactSchema.ts';
import { averagePrecision } from './averagePrecision.ts';
import { brierScore } from './brierScore.ts';
import { calibrationTable } from './calibrationTable.ts';
import { precisionRecallAtK } from './precisionRecallAtK.ts';
import { precisionRecallCurve } from './precisionRecallCurve.ts';
import { rocAuc } from './rocAuc.ts';
import type { Scores } from './sortedScores.ts';

export interface ScoreMetricsInput {
  labels: Uint8Array;
  /** Ranking score (higher = more likely positive). */
  scores: Scores;
  /** Calibrated probabilities for Brier and the reliability table; omit when the scorer gives none. */
  probabilities?: Scores;
  /**
   * Snapshot index per row. k is a weekly capacity, so precision@k and recall@k are computed within each snapshot
   * and averaged over snapshots (unweighted); recall@k is skipped for snapshots without positives.
   */
  groups?: Int32Array;
  k: number;
}

const finite = (x: number): number | null => (Number.isFinite(x) ? x : null);

export function scoreMetrics(input: ScoreMetricsInput): ModelMetrics {
  const { labels, scores, probabilities, groups, k } = input;
  let positives = 0;
  for (let i = 0; i < labels.length; i++) positives += labels[i]!;
  const both = positives > 0 && positives < labels.length;
  const atK = groups ? averageAtK(labels, scores, groups, k) : precisionRecallAtK(labels, scores, k);
  return {
    rows: labels.length,
    positives,
    rocAuc: both ? finite(rocAuc(labels, scores)) : null,
    prAuc: positives > 0 ? finite(averagePrecision(labels, scores)) : null,
    k,
    precisionAtK: finite(atK.precision),
    recallAtK: finite(atK.recall),
    brier: probabilities && labels.length > 0 ? finite(brierScore(labels, probabilities)) : null,
    calibration: probabilities ? calibrationTable(labels, probabilities) : [],
    prCurve: precisionRecallCurve(labels, scores),
  };
}

function averageAtK(
  labels: Uint8Array,
  scores: Scores,
  groups: Int32Array,
  k: number,
): { precision: number; recall: number } {
  const byGroup = new Map<number, number[]>();
  for (let i = 0; i < groups.length; i++) {
    const g = groups[i]!;
    let rows = byGroup.get(g);
    if (!rows) byGroup.set(g, (rows = []));
    rows.push(i);
  }
  let pSum = 0;
  let pN = 0;
  let rSum = 0;
  let rN = 0;
  for (const g of [...byGroup.keys()].sort((a, b) => a - b)) {
    const rows = byGroup.get(g)!;
    const r = precisionRecallAtK(
      Uint8Array.from(rows, (i) => labels[i]!),
      Float64Array.from(rows, (i) => scores[i]!),
      k,
    );
    if (Number.isFinite(r.precision)) {
      pSum += r.precision;
      pN++;
    }
    if (Number.isFinite(r.recall)) {
      rSum += r.recall;
      rN++;
    }
  }
  return { precision: pN ? pSum / pN : NaN, recall: rN ? rSum / rN : NaN };
}
