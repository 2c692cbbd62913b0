// Calibration maps: isotonic pools violators and is monotone; Platt is monotone and recovers a logistic curve.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyCalibrator, fitCalibrator } from '../../../models/calibration/calibrator.ts';
import { applyIsotonic, fitIsotonic } from '../../../models/calibration/isotonic.ts';

describe('isotonic calibration (PAV)', () => {
  it('pools adjacent violators into blocks with their positive rate', () => {
    const map = fitIsotonic([0.1, 0.2, 0.3, 0.4, 0.5, 0.6], Uint8Array.from([0, 1, 0, 0, 1, 1]));
    // 0.1 alone (0), then 0.2–0.4 pooled (1 of 3), then 0.5 and 0.6 (1 each, pooled as equal)
    expect(map.y).toEqual([0, 1 / 3, 1]);
    expect(map.x[0]).toBeCloseTo(0.1);
    expect(map.x[1]).toBeCloseTo(0.3);
    expect(map.x[2]).toBeCloseTo(0.55);
  });

  it('interpolates between block centres and clamps outside them', () => {
    const map = { method: 'isotonic' as const, x: [0.2, 0.6], y: [0.1, 0.5] };
    expect(Array.from(applyIsotonic(map, [0, 0.2, 0.4, 0.6, 0.9]))).toEqual([
      0.1,
      0.1,
      expect.closeTo(0.3, 12),
      0.5,
      0.5,
    ]);
  });

  it('gives tied scores one value', () => {
    const map = fitIsotonic([0.5, 0.5, 0.5, 0.9], Uint8Array.from([1, 0, 0, 1]));
    expect(map.x).toEqual([0.5, 0.9]);
    expect(map.y).toEqual([1 / 3, 1]);
  });

  it('is monotone non-decreasing for any data (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.boolean()), { minLength: 1, maxLength: 60 }),
        fc.array(fc.double({ min: -0.5, max: 1.5, noNaN: true }), { minLength: 2, maxLength: 40 }),
        (rows, probe) => {
          const cal = fitCalibrator(
            'isotonic',
            rows.map((r) => r[0]),
            Uint8Array.from(rows, (r) => (r[1] ? 1 : 0)),
          );
          const xs = [...probe].sort((a, b) => a - b);
          const p = applyCalibrator(cal, xs);
          for (let i = 1; i < p.length; i++) if (p[i]! < p[i - 1]! - 1e-12) return false;
          return p.every((v) => v >= 0 && v <= 1);
        },
      ),
    );
  });
});

describe('Platt calibration', () => {
  it('is monotone and recovers an increasing logistic relation', () => {
    const scores: number[] = [];
    const labels: number[] = [];
    // deterministic data: positive share rises with the score
    for (let i = 0; i < 400; i++) {
      const s = i / 400;
      scores.push(s);
      labels.push((i * 7919) % 100 < s * 100 ? 1 : 0);
    }
    const cal = fitCalibrator('platt', scores, Uint8Array.from(labels));
    expect(cal.method).toBe('platt');
    const p = applyCalibrator(cal, [0, 0.25, 0.5, 0.75, 1]);
    for (let i = 1; i < p.length; i++) expect(p[i]!).toBeGreaterThan(p[i - 1]!);
    expect(p[0]!).toBeLessThan(0.2);
    expect(p[4]!).toBeGreaterThan(0.8);
  });
});
