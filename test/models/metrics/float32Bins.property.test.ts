// float32Bins gives, for a float column, the cuts and bin shares that selecting the cuts and binary-searching every
// value give: on ties, ±0, NaN, ±Infinity, subnormals, huge values and views into a larger buffer.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { float32Bins } from '../../../models/metrics/float32Bins.ts';
import { binShares, knownQuantileCuts } from '../../../models/metrics/populationBins.ts';

/** The definition: the selected cuts of the finite values, then each value's bin. -0 and 0 read as one number. */
function bySelection(values: Float32Array, bins: number) {
  const { cuts, known } = knownQuantileCuts(values, bins);
  return { cuts: cuts.map((x) => x + 0), known, shares: binShares(values, cuts) };
}

const value = fc.oneof(
  fc.float({ noNaN: false }),
  fc.integer({ min: -4, max: 4 }),
  fc.constantFrom(-0, 0, NaN, Infinity, -Infinity, 1e-45, -1e-45, 3.4e38, -3.4e38, 0.1, -0.1),
);

describe('float32Bins', () => {
  it('equals selecting the cuts and binning each value', () => {
    fc.assert(
      fc.property(fc.array(value, { maxLength: 400 }), fc.integer({ min: 2, max: 12 }), (raw, bins) => {
        const values = Float32Array.from(raw);
        expect(float32Bins(values, bins)).toEqual(bySelection(values, bins));
      }),
      { numRuns: 600 },
    );
  });

  it('equals them on long columns of few distinct values, where cuts share a high bucket', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.integer({ min: 0, max: 6 }), fc.constantFrom(1.5, 1.25, 1.0000001, NaN)), {
          minLength: 1,
          maxLength: 5000,
        }),
        (raw) => {
          const values = Float32Array.from(raw);
          expect(float32Bins(values, 10)).toEqual(bySelection(values, 10));
        },
      ),
      { numRuns: 100 },
    );
  });

  it('reads a view of a larger column as the view alone', () => {
    const all = Float32Array.from([9, 9, 1, 2, 3, 4, NaN, 9]);
    const view = all.subarray(2, 7);
    expect(float32Bins(view, 4)).toEqual({ cuts: [2, 3, 4], known: 4, shares: [0.2, 0.2, 0.2, 0.2, 0.2] });
  });

  it('reads a column with nothing known as all missing', () => {
    expect(float32Bins(Float32Array.from([NaN, Infinity]), 10)).toEqual({ cuts: [], known: 0, shares: [0, 1] });
    expect(float32Bins(new Float32Array(0), 10)).toEqual({ cuts: [], known: 0, shares: [0, 0] });
  });
});
