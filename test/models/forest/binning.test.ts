// Binning: the table-driven row-major coder gives every value the same code as the binary search over the edges.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { binColumns, binOf, binRowMajor, fitBinEdges, MISSING_CODE } from '../../../models/forest/train/binning.ts';

const f32 = (x: number) => Math.fround(x);

describe('binRowMajor', () => {
  it('codes values on, between and beyond the edges, signed zeros, infinities, denormals and NaN', () => {
    const edges = [Float64Array.of(-1e30, -2.5, -1e-40, 0, 1e-40, 0.1, 3, 1e30)];
    // fround(-1e30) is just below the edge -1e30, fround(0.1) just above 0.1.
    const values = Float32Array.of(
      -Infinity,
      -3e38,
      -1e30,
      -2.5,
      f32(-2.4999),
      -1e-45,
      -0,
      0,
      1e-45,
      f32(0.1),
      0.25,
      3,
      f32(3.0001),
      Infinity,
      NaN,
    );
    const codes = binRowMajor([values], edges);
    expect(Array.from(codes)).toEqual([0, 0, 0, 1, 2, 3, 3, 3, 4, 6, 6, 6, 7, 8, MISSING_CODE]);
    expect(Array.from(codes)).toEqual(Array.from(values, (x) => binOf(x, edges[0]!)));
  });

  it('agrees with binOf for any float32 data and the quantile edges fitted on it', () => {
    const float = fc.oneof(
      fc.float({ noDefaultInfinity: false, noNaN: false }),
      fc.float({ min: -2, max: 2, noNaN: true }),
      fc.integer({ min: -5, max: 5 }).map((i) => f32(i)),
      // Neighbouring floats: many edges inside one lookup range, so the refinement step must walk several edges.
      fc.integer({ min: -300, max: 300 }).map((i) => f32(1 + i * 2 ** -23)),
    );
    fc.assert(
      fc.property(
        fc.array(float, { minLength: 1, maxLength: 400 }),
        fc.integer({ min: 2, max: 255 }),
        (xs, maxBins) => {
          const col = Float32Array.from(xs);
          const edges = fitBinEdges([col], maxBins, 1);
          const codes = binRowMajor([col], edges);
          expect(Array.from(codes)).toEqual(Array.from(col, (x) => binOf(x, edges[0]!)));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('keeps row-major order over several features', () => {
    const a = Float32Array.of(1, 2, 3);
    const b = Float32Array.of(30, NaN, 10);
    const edges = [Float64Array.of(1.5, 2.5), Float64Array.of(20)];
    expect(Array.from(binRowMajor([a, b], edges))).toEqual([0, 1, 1, MISSING_CODE, 2, 0]);
  });
});

describe('binColumns', () => {
  it('gives the edges of fitBinEdges and the codes of binRowMajor, reading codes off the sort', () => {
    const float = fc.oneof(
      fc.float({ noDefaultInfinity: false, noNaN: false }),
      fc.constantFrom(0, -0, NaN, 1, -1),
      fc.integer({ min: -300, max: 300 }).map((i) => f32(1 + i * 2 ** -23)),
    );
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 3 }),
        fc.array(float, { minLength: 1, maxLength: 300 }),
        fc.integer({ min: 2, max: 255 }),
        (nFeatures, xs, maxBins) => {
          const n = Math.floor(xs.length / nFeatures) || 1;
          const columns = Array.from({ length: nFeatures }, (_, f) =>
            Float32Array.from({ length: n }, (_, i) => xs[(f * n + i) % xs.length]!),
          );
          const { edges, codes } = binColumns(columns, maxBins, 1);
          const expectedEdges = fitBinEdges(columns, maxBins, 1);
          expect(edges).toEqual(expectedEdges);
          expect(Array.from(codes)).toEqual(Array.from(binRowMajor(columns, expectedEdges)));
        },
      ),
      { numRuns: 300 },
    );
  });
});
