// precision@k and recall@k: top-k counting, ties shared in expectation, binary rules filled at the base rate.
import { describe, expect, it } from 'vitest';
import { precisionRecallAtK } from '../../../models/metrics/precisionRecallAtK.ts';
import { scoreMetrics } from '../../../models/metrics/scoreMetrics.ts';

const y = (...v: number[]) => Uint8Array.from(v);

describe('precisionRecallAtK', () => {
  it('counts positives among the k highest scores', () => {
    const r = precisionRecallAtK(y(1, 0, 1, 0, 1), [0.9, 0.8, 0.7, 0.2, 0.1], 2);
    expect(r.precision).toBe(0.5);
    expect(r.recall).toBeCloseTo(1 / 3);
  });

  it('shares a tie at the cut pro rata, as a random tie-break would on average', () => {
    // top-1 is certain (positive); the second slot is one of three tied rows, one of them positive
    expect(precisionRecallAtK(y(1, 1, 0, 0), [0.9, 0.5, 0.5, 0.5], 2).precision).toBeCloseTo((1 + 1 / 3) / 2);
  });

  it('fills the k slots of a rule that flags fewer rows with unflagged rows at their base rate', () => {
    // 2 flagged (1 positive), k = 4: 2 more from 4 unflagged rows holding 2 positives → 1 expected
    const r = precisionRecallAtK(y(1, 0, 1, 1, 0, 0), [1, 1, 0, 0, 0, 0], 4);
    expect(r.precision).toBeCloseTo((1 + 1) / 4);
  });

  it('cuts k to the number of rows', () => {
    expect(precisionRecallAtK(y(1, 0), [0.2, 0.1], 10).precision).toBe(0.5);
  });
});

describe('scoreMetrics', () => {
  it('averages precision@k over snapshots (k is a weekly capacity) and pools the rank metrics', () => {
    const labels = y(1, 0, 0, 0, 1, 1);
    const scores = [0.9, 0.1, 0.2, 0.8, 0.7, 0.3];
    const m = scoreMetrics({ labels, scores, groups: Int32Array.from([0, 0, 0, 1, 1, 1]), k: 1 });
    // week 0: top is a positive (1); week 1: top (0.8) is a negative (0)
    expect(m.precisionAtK).toBe(0.5);
    expect(m.recallAtK).toBe(0.5); // week 0: 1/1, week 1: 0/2
    expect(m).toMatchObject({ rows: 6, positives: 3, k: 1, brier: null, calibration: [] });
    expect(m.rocAuc).toBeCloseTo(7 / 9);
  });

  it('gives null, not NaN, for metrics undefined on one class', () => {
    const m = scoreMetrics({ labels: y(0, 0), scores: [0.1, 0.2], probabilities: [0.1, 0.2], k: 1 });
    expect(m).toMatchObject({ rocAuc: null, prAuc: null, recallAtK: null, precisionAtK: 0 });
    expect(m.brier).toBeCloseTo((0.01 + 0.04) / 2);
  });
});
