// Rank and probability metrics against scikit-learn's documented examples and brute force.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { averagePrecision, brierScore, rocAuc } from '../../../models/metrics/index.ts';

function pairwiseAuc(y: Uint8Array, s: Float64Array): number {
  let sum = 0;
  let pairs = 0;
  for (let i = 0; i < y.length; i++) {
    for (let j = 0; j < y.length; j++) {
      if (y[i] === 1 && y[j] === 0) {
        pairs++;
        sum += s[i]! > s[j]! ? 1 : s[i] === s[j] ? 0.5 : 0;
      }
    }
  }
  return sum / pairs;
}

describe('metrics', () => {
  const y = Uint8Array.of(0, 0, 1, 1);
  const s = Float64Array.of(0.1, 0.4, 0.35, 0.8);

  it('match scikit-learn on its documented example', () => {
    expect(rocAuc(y, s)).toBeCloseTo(0.75, 12);
    expect(averagePrecision(y, s)).toBeCloseTo(0.8333333333333333, 12);
    expect(brierScore(Uint8Array.of(0, 1, 1, 0), Float64Array.of(0.1, 0.9, 0.8, 0.3))).toBeCloseTo(0.0375, 12);
  });

  it('rocAuc equals the pairwise definition, ties counted half', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.boolean(), fc.integer({ min: 0, max: 5 })), { minLength: 2, maxLength: 40 }),
        (rows) => {
          const labels = Uint8Array.from(rows, ([b]) => (b ? 1 : 0));
          const scores = Float64Array.from(rows, ([, v]) => v / 5);
          const pos = labels.reduce((a, b) => a + b, 0);
          if (pos === 0 || pos === labels.length) return Number.isNaN(rocAuc(labels, scores));
          return Math.abs(rocAuc(labels, scores) - pairwiseAuc(labels, scores)) < 1e-12;
        },
      ),
    );
  });

  it('averagePrecision treats tied scores as one threshold', () => {
    expect(averagePrecision(Uint8Array.of(1, 0, 1, 0), Float64Array.of(0.5, 0.5, 0.5, 0.5))).toBeCloseTo(0.5, 12);
    expect(averagePrecision(Uint8Array.of(1, 1, 0), Float64Array.of(0.9, 0.8, 0.1))).toBe(1);
  });

  it('name the metric and the problem on bad input', () => {
    expect(() => rocAuc(Uint8Array.of(0, 1), Float64Array.of(0.1))).toThrow(
      /rocAuc: labels have 2 rows but scores have 1/,
    );
    expect(() => rocAuc(Uint8Array.of(0, 1), Float64Array.of(0.1, NaN))).toThrow(/score at row 1 is NaN/);
  });
});
