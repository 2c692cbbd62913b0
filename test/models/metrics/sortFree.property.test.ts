// The sort-free selection, precision@k cut, PR curve and isotonic fit give exactly what sorting an index array gave: on
// scores with many ties, ±0 and extreme values, and any labels.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fitIsotonic } from '../../../models/calibration/isotonic.ts';
import { precisionRecallAtK } from '../../../models/metrics/precisionRecallAtK.ts';
import { precisionRecallCurve } from '../../../models/metrics/precisionRecallCurve.ts';
import { selectManyInPlace } from '../../../models/metrics/selectInPlace.ts';
import { isotonicBySort, kthHighestBySort, prCurveBySort } from './bySortDefinitions.ts';

/** -0 and 0 are one number to every comparison here; toEqual would tell them apart. */
const plusZero = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

const score = fc.oneof(
  fc.integer({ min: 0, max: 6 }).map((i) => i / 6),
  fc.double({ min: 0, max: 1, noNaN: true }),
  fc.constantFrom(-0, 0, 1, 1e-300),
);
const rows = fc
  .array(fc.tuple(score, fc.boolean()), { minLength: 1, maxLength: 400 })
  .map((r) => ({ scores: Float64Array.from(r, ([s]) => s), labels: Uint8Array.from(r, ([, y]) => (y ? 1 : 0)) }));

describe('selectManyInPlace', () => {
  it('puts each wanted rank where a sort would, repeats and ends included', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.integer({ min: -3, max: 3 }), fc.double({ noNaN: true })), {
          minLength: 1,
          maxLength: 500,
        }),
        fc.array(fc.nat(), { minLength: 1, maxLength: 12 }),
        (values, picks) => {
          const a = Float64Array.from(values);
          const ks = picks.map((p) => p % a.length).sort((x, y) => x - y);
          const sorted = Float64Array.from(values).sort();
          expect(plusZero(selectManyInPlace(a, ks))).toEqual(plusZero(ks.map((k) => sorted[k]!)));
          // the array is still a permutation of the values
          expect(plusZero([...a].sort((x, y) => x - y))).toEqual(plusZero([...sorted]));
        },
      ),
      { numRuns: 400 },
    );
  });
});

describe('sort-free rank metrics and isotonic fit', () => {
  it('precision@k shares the tie at the same cut as the index sort', () => {
    fc.assert(
      fc.property(rows, fc.integer({ min: 1, max: 50 }), ({ scores, labels }, k) => {
        const take = Math.min(k, scores.length);
        const cut = kthHighestBySort(scores, take);
        let above = 0;
        let tpAbove = 0;
        let tie = 0;
        let tpTie = 0;
        scores.forEach((s, i) => {
          if (s > cut) [above, tpAbove] = [above + 1, tpAbove + labels[i]!];
          else if (s === cut) [tie, tpTie] = [tie + 1, tpTie + labels[i]!];
        });
        const tp = tpAbove + ((take - above) * tpTie) / tie;
        expect(precisionRecallAtK(labels, scores, k).truePositives).toBe(tp);
      }),
      { numRuns: 400 },
    );
  });

  it('the precision-recall curve has the same points', () => {
    fc.assert(
      fc.property(rows, ({ scores, labels }) => {
        expect(plusZero(precisionRecallCurve(labels, scores, Infinity))).toEqual(
          plusZero(prCurveBySort(labels, scores)),
        );
      }),
      { numRuns: 400 },
    );
  });

  it('isotonic calibration has the same knots', () => {
    fc.assert(
      fc.property(rows, ({ scores, labels }) => {
        expect(plusZero(fitIsotonic(scores, labels))).toEqual(plusZero(isotonicBySort(scores, labels)));
      }),
      { numRuns: 400 },
    );
  });
});
