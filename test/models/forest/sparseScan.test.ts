// SparseScanner: a small node's split from the codes present is exactly the dense histogram's split.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MISSING_CODE } from '../../../models/forest/train/binning.ts';
import { emptyCandidate, scanFeature } from '../../../models/forest/train/findSplit.ts';
import { buildFeatureHistograms, FEATURE_STRIDE } from '../../../models/forest/train/histogram.ts';
import { SparseScanner } from '../../../models/forest/train/sparseScan.ts';

const nFeatures = 3;

/** Rows of one node: per row its codes (MISSING_CODE for missing), label and in-bag weight. */
const node = fc.array(
  fc.record({
    codes: fc.array(
      fc.oneof(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 254 }), fc.constant(MISSING_CODE)),
      { minLength: nFeatures, maxLength: nFeatures },
    ),
    label: fc.integer({ min: 0, max: 1 }),
    weight: fc.oneof(fc.integer({ min: 1, max: 3 }), fc.double({ min: 0.1, max: 5, noNaN: true })),
  }),
  { minLength: 1, maxLength: 60 },
);

describe('SparseScanner', () => {
  it('finds the same split, score and left totals as scanFeature over the dense histogram', () => {
    fc.assert(
      fc.property(node, fc.integer({ min: 1, max: 6 }), (rowsIn, minLeaf) => {
        const n = rowsIn.length;
        const codes = Uint8Array.from(rowsIn.flatMap((r) => r.codes));
        const labels = Uint8Array.from(rowsIn, (r) => r.label);
        const weight = Float64Array.from(rowsIn, (r) => r.weight);
        // The node's rows at [2, n + 2) of the row list, after two rows of another node.
        const rows = Uint32Array.from([n - 1, 0, ...Array.from({ length: n }, (_, i) => i)]);
        let w0 = 0;
        let w1 = 0;
        for (let i = 0; i < n; i++)
          if (labels[i]) w1 += weight[i]!;
          else w0 += weight[i]!;
        const features = Int32Array.from({ length: nFeatures }, (_, f) => f);
        const dense = new Float64Array(nFeatures * FEATURE_STRIDE);
        buildFeatureHistograms(dense, features, 0, nFeatures, codes, nFeatures, rows, 2, n + 2, weight, labels);
        const expected = emptyCandidate();
        const actual = emptyCandidate();
        const scanner = new SparseScanner(codes, nFeatures, labels, rows, weight);
        for (let f = 0; f < nFeatures; f++) {
          scanFeature(dense, f * FEATURE_STRIDE, f, 255, w0, w1, n, minLeaf, expected);
          scanner.scan(f, 2, n + 2, w0, w1, minLeaf, actual);
        }
        expect(actual).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });
});
