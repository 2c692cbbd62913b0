// Population stability index against hand-computed values.
import { describe, expect, it } from 'vitest';
import { psi, psiBand, psiFromShares } from '../../reports/psi.ts';

describe('psiFromShares', () => {
  it('is 0 for identical distributions', () => {
    expect(psiFromShares([0.2, 0.3, 0.5], [0.2, 0.3, 0.5])).toBe(0);
  });

  it('matches the hand computation (0.25−0.5)·ln(0.25/0.5) + (0.75−0.5)·ln(0.75/0.5)', () => {
    expect(psiFromShares([0.5, 0.5], [0.25, 0.75])).toBeCloseTo(0.25 * Math.log(2) + 0.25 * Math.log(1.5), 12);
    expect(psiFromShares([0.5, 0.5], [0.25, 0.75])).toBeCloseTo(0.2747, 4);
  });

  it('raises empty bins to epsilon so the result stays finite', () => {
    expect(psiFromShares([1, 0], [0, 1], 1e-4)).toBeCloseTo(2 * (1 - 1e-4) * Math.log(1 / 1e-4), 9);
  });
});

describe('psi', () => {
  const previous = Array.from({ length: 100 }, (_, i) => i);

  it('is 0 when this week equals last week', () => {
    expect(psi(previous, previous)?.psi).toBe(0);
  });

  it('uses deciles of last week as bins', () => {
    const r = psi(previous, previous)!;
    expect(r.cuts).toEqual([10, 20, 30, 40, 50, 60, 70, 80, 90]);
    expect(r.expectedShares.slice(0, 10)).toEqual(Array(10).fill(0.1));
  });

  it('gives the known value when half the mass moves to the top decile', () => {
    const now = [...previous.slice(0, 50), ...Array(50).fill(95)];
    // Shares now: 0.1 in the five lowest bins (unchanged), 0 in the next four (raised to 1e-4), 0.5 in the top bin.
    const expected = 4 * (1e-4 - 0.1) * Math.log(1e-4 / 0.1) + (0.5 - 0.1) * Math.log(0.5 / 0.1);
    expect(psi(previous, now)!.psi).toBeCloseTo(expected, 9);
    expect(psiBand(psi(previous, now)!.psi)).toBe('major');
  });

  it('counts missing values in their own bin', () => {
    const r = psi([1, 2, null, null], [1, 2, 3, 4])!;
    expect(r.expectedShares.at(-1)).toBe(0.5);
    expect(r.actualShares.at(-1)).toBe(0);
    expect(r.psi).toBeGreaterThan(0.25);
  });

  it('handles constant columns and returns null for an empty week', () => {
    expect(psi([3, 3, 3], [3, 3])?.psi).toBe(0);
    expect(psi([], [1])).toBeNull();
  });

  it('reads bands at 0.1 and 0.25', () => {
    expect([0.05, 0.1, 0.2, 0.25, 1].map(psiBand)).toEqual(['stable', 'moderate', 'moderate', 'major', 'major']);
  });
});
