// Node histograms: the grouped passes sum exactly what a plain row-by-row, feature-by-feature loop sums.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildFeatureHistograms,
  buildHistogram,
  CHANNELS,
  FEATURE_STRIDE,
} from '../../../models/forest/train/histogram.ts';

/** Rows of a node over nFeatures features: codes, labels, weights (non-integer too) and the node's row list. */
const nodeData = fc.integer({ min: 1, max: 13 }).chain((nFeatures) =>
  fc.record({
    nFeatures: fc.constant(nFeatures),
    rows: fc.array(
      fc.record({
        codes: fc.array(fc.integer({ min: 0, max: 255 }), { minLength: nFeatures, maxLength: nFeatures }),
        label: fc.integer({ min: 0, max: 1 }),
        weight: fc.oneof(fc.integer({ min: 1, max: 4 }), fc.double({ min: 0.01, max: 9, noNaN: true })),
      }),
      { minLength: 1, maxLength: 40 },
    ),
    order: fc.array(fc.nat(), { minLength: nFeatures, maxLength: nFeatures }),
    // The node's rows sit at [start, end) of the row list, after other nodes' rows, in ascending row order.
    before: fc.integer({ min: 0, max: 5 }),
    keep: fc.array(fc.boolean(), { minLength: 40, maxLength: 40 }),
  }),
);

function reference(
  codes: Uint8Array,
  nFeatures: number,
  features: number[],
  nodeRows: number[],
  weight: Float64Array,
  labels: Uint8Array,
): Float64Array {
  const hist = new Float64Array(features.length * FEATURE_STRIDE);
  features.forEach((f, q) => {
    for (const r of nodeRows) {
      const k = q * FEATURE_STRIDE + codes[r * nFeatures + f]! * CHANNELS;
      hist[k + labels[r]!] += weight[r]!;
      hist[k + 2] += 1;
    }
  });
  return hist;
}

/**
 * Index of the first differing value (Object.is, so -0 and NaN count), or -1: much faster than toEqual on 20k floats.
 */
const firstDifference = (a: Float64Array, b: Float64Array) =>
  a.length !== b.length ? -2 : a.findIndex((v, i) => !Object.is(v, b[i]));

describe('node histograms', () => {
  it('buildFeatureHistograms and buildHistogram match the plain loop for every feature count', () => {
    fc.assert(
      fc.property(nodeData, ({ nFeatures, rows: rowsIn, order, before, keep }) => {
        const codes = Uint8Array.from(rowsIn.flatMap((r) => r.codes));
        const labels = Uint8Array.from(rowsIn, (r) => r.label);
        const weight = Float64Array.from(rowsIn, (r) => r.weight);
        const nodeRows = rowsIn.map((_, i) => i).filter((i) => keep[i]);
        const rows = Uint32Array.from([...Array.from({ length: before }, (_, i) => i % rowsIn.length), ...nodeRows]);
        const [start, end] = [before, rows.length];
        // A shuffled feature order, as the tree grower's partial Fisher–Yates leaves it.
        const features = Array.from({ length: nFeatures }, (_, f) => f).sort((a, b) => order[a]! - order[b]! || a - b);
        for (let count = 1; count <= nFeatures; count++) {
          const hist = new Float64Array(count * FEATURE_STRIDE).fill(7);
          buildFeatureHistograms(
            hist,
            Int32Array.from(features),
            0,
            count,
            codes,
            nFeatures,
            rows,
            start,
            end,
            weight,
            labels,
          );
          expect(
            firstDifference(hist, reference(codes, nFeatures, features.slice(0, count), nodeRows, weight, labels)),
          ).toBe(-1);
        }
        const all = new Float64Array(nFeatures * FEATURE_STRIDE).fill(7);
        buildHistogram(all, codes, nFeatures, rows, start, end, weight, labels);
        const every = Array.from({ length: nFeatures }, (_, f) => f);
        expect(firstDifference(all, reference(codes, nFeatures, every, nodeRows, weight, labels))).toBe(-1);
      }),
      { numRuns: 200 },
    );
  });
});
