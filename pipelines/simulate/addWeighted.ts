// The bootstrap's inner loop: each cell value of each buyer, times the buyer's Poisson weight in each replicate, added
// into the cell's replicate sums. Self-contained (no imports, no outer names): worker threads run its source text.

/**
 * Adds, for replicates rFrom..rTo−1, weights[bk·R + r] × value into acc[cid·R·M + slot·R + r] for every non-zero value
 * of every cell row (row i's values at start[i]..start[i+1]−1). Every product and sum is a whole-number double below
 * 2^53, so any split of the replicates, or any order, gives the same sums to the bit.
 */
export function addWeighted(
  acc: Float64Array,
  weights: Uint8Array,
  bk: Int32Array,
  cid: Int32Array,
  start: Int32Array,
  slot: Uint8Array,
  value: Float64Array,
  R: number,
  M: number,
  rFrom: number,
  rTo: number,
): void {
  const perCell = R * M;
  for (let i = 0; i < bk.length; i++) {
    const wBase = bk[i]! * R;
    const base = cid[i]! * perCell;
    for (let k = start[i]!, k1 = start[i + 1]!; k < k1; k++) {
      const v = value[k]!;
      // a weight of 0 adds 0: a straight run over the replicates beats skipping them
      const o = base + slot[k]! * R;
      for (let r = rFrom; r < rTo; r++) acc[o + r]! += weights[wBase + r]! * v;
    }
  }
}
