// knownQuantileCuts gives the cuts of a sort of the finite values, by selection: on any values, duplicates, NaN,
// ±Infinity and ±0 among them.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { knownQuantileCuts, quantileCuts } from '../../../models/metrics/populationBins.ts';

/** The definition: sort the finite values, take the quantile positions. -0 and 0 read as one number (x + 0). */
function sortedCuts(values: number[], bins: number): { cuts: number[]; known: number } {
  const known = Float64Array.from(values.filter((v) => Number.isFinite(v))).sort();
  return { cuts: (known.length ? quantileCuts(known, bins) : []).map((x) => x + 0), known: known.length };
}

const plusZero = (r: { cuts: number[]; known: number }) => ({ cuts: r.cuts.map((x) => x + 0), known: r.known });

describe('knownQuantileCuts', () => {
  it('equals the cuts of the sorted finite values', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.double({ noNaN: false }), fc.integer({ min: -4, max: 4 }), fc.constant(-0)), {
          maxLength: 300,
        }),
        fc.integer({ min: 2, max: 12 }),
        (values, bins) => {
          expect(plusZero(knownQuantileCuts(values, bins))).toEqual(sortedCuts(values, bins));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('equals them on long columns of few distinct values, where each cut sits in a run of equal ones', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 1, maxLength: 5000 }), (values) => {
        expect(plusZero(knownQuantileCuts(values, 10))).toEqual(sortedCuts(values, 10));
      }),
      { numRuns: 100 },
    );
  });

  it('reads a column with no finite value as no cuts and nothing known', () => {
    expect(knownQuantileCuts([NaN, Infinity, -Infinity], 10)).toEqual({ cuts: [], known: 0 });
    expect(knownQuantileCuts([], 10)).toEqual({ cuts: [], known: 0 });
  });
});
