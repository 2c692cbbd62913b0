// Out-of-bag prediction accumulator with exact fixed-point sums, so OOB results do not depend on thread scheduling.
import type { FlatTree } from '../treeStore.ts';
import { MISSING_CODE } from './binning.ts';

/** 2^40: leaf probabilities become integers; sums of ≤ 8192 trees stay below 2^53, hence exact in any order. */
const SCALE = 1099511627776;

export class OobAccumulator {
  readonly sum: Float64Array;
  readonly count: Float64Array;

  constructor(nRows: number, sum?: Float64Array, count?: Float64Array) {
    this.sum = sum ?? new Float64Array(nRows);
    this.count = count ?? new Float64Array(nRows);
  }

  /** Adds the tree's prediction for every row whose in-bag weight is 0, routing on bin codes. */
  addTree(tree: FlatTree, codes: Uint8Array, nFeatures: number, inBagWeight: Float64Array): void {
    const { feature, binThreshold, missingLeft, left, value } = tree;
    for (let r = 0; r < inBagWeight.length; r++) {
      if (inBagWeight[r] !== 0) continue;
      const base = r * nFeatures;
      let node = 0;
      let f = feature[0]!;
      while (f >= 0) {
        const c = codes[base + f]!;
        const goRight = c === MISSING_CODE ? missingLeft[node] === 0 : c > binThreshold[node]!;
        node = left[node]! + (goRight ? 1 : 0);
        f = feature[node]!;
      }
      this.sum[r] += Math.round(value[node]! * SCALE);
      this.count[r] += 1;
    }
  }

  merge(other: OobAccumulator): void {
    for (let r = 0; r < this.sum.length; r++) {
      this.sum[r] += other.sum[r]!;
      this.count[r] += other.count[r]!;
    }
  }

  /** OOB probability per row (NaN where the row was in every bootstrap). */
  predictions(): Float64Array {
    const out = new Float64Array(this.sum.length);
    for (let r = 0; r < out.length; r++) out[r] = this.count[r]! > 0 ? this.sum[r]! / SCALE / this.count[r]! : NaN;
    return out;
  }
}
