// Codes float32 values against sorted cut points by table lookup: a value's code is how many cuts lie below it.

const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);

/** Orders float32 bit patterns as unsigned integers: a < b as floats ⇔ sortKey(a) < sortKey(b) (NaN aside). */
export function sortKey(bits: number): number {
  return (bits ^ ((bits >> 31) | 0x80000000)) >>> 0;
}

/** A feature's cuts made ready for codeColumn. */
export interface CutCoder {
  /** The sorted cuts, then +∞: no value lies above +∞ (NaN included), so a step along them needs no bounds check. */
  bounds: Float64Array;
  /** cutTable(cuts). */
  table: Uint16Array;
}

/** The coder of `cuts` (sorted, distinct); `place` puts its arrays where they should live (shared memory, say). */
export function cutCoder(
  cuts: Float64Array,
  place: <A extends Float64Array | Uint16Array>(a: A) => A = (a) => a,
): CutCoder {
  const bounds = new Float64Array(cuts.length + 1);
  bounds.set(cuts);
  bounds[cuts.length] = Infinity;
  return { bounds: place(bounds), table: place(cutTable(cuts)) };
}

/**
 * Codes col[from .. from+count) into out[at], out[at + stride], …: for each value x, the smallest c with x <= cuts[c]
 * (cuts.length above them all), `nanCode` for NaN, each XORed with `flip`. `bits` views the column's float32 bits.
 * The coder's table gives a lower bound that a step or two along the cuts makes exact. Training binning and
 * prediction both code columns into row-major buffers this way.
 */
export function codeColumn(
  col: Float32Array,
  bits: Int32Array,
  from: number,
  count: number,
  coder: CutCoder,
  nanCode: number,
  out: Uint8Array | Uint16Array,
  at: number,
  stride: number,
  flip = 0,
): void {
  const { bounds, table } = coder;
  for (let i = from; i < from + count; i++, at += stride) {
    const x = col[i]!;
    let c = table[sortKey(bits[i]!) >>> 16]!;
    // The first step is taken without a branch: whether a value lies above the one cut of its range is a coin toss
    // the branch predictor loses. A range rarely holds a second cut, so the branch to the loop is rarely taken.
    c += +(x > bounds[c]!);
    if (x > bounds[c]!) {
      c++;
      while (x > bounds[c]!) c++;
    }
    out[at] = (x !== x ? nanCode : c) ^ flip;
  }
}

/**
 * Smallest float32 value of a range: NaN for the ranges whose smallest sort key is a NaN's (one of them also holds −∞).
 */
function lowestOf(range: number): number {
  const key = range << 16; // smallest sort key in the range, as int32
  // Invert sortKey: positive floats had the sign bit set, negative ones had every bit flipped.
  u32[0] = key < 0 ? key ^ 0x80000000 : ~key;
  return f32[0]!;
}

/**
 * For each of the 65,536 ranges of float32 values sharing the top 16 bits of their sort key (`sortKey(bits) >>> 16`),
 * the code of the range's smallest value: a lower bound on the code of every value in the range, which a step or two
 * along the cuts makes exact (codeColumn). Cuts are quantiles or split thresholds,
 * so a range rarely holds more than one, and coding a value costs a lookup instead of a binary search.
 * Built from the cuts (each one's first range starting above it) rather than range by range, because converting all
 * 65,536 range starts to floats cost far more (see README, Measurements) and small data builds one per feature.
 */
export function cutTable(cuts: Float64Array): Uint16Array {
  if (cuts.length > 0xffff) throw new RangeError(`cutTable: ${cuts.length} cuts; at most 65,535 fit a 16-bit code.`);
  const table = new Uint16Array(65536);
  let from = 0; // ranges before `from` are done
  for (let c = 0; c < cuts.length; c++) {
    const cut = cuts[c]!;
    f32[0] = cut;
    // fround(cut) lies in range r, so no range before r - 1 starts above the cut (no float32 lies between the cut and
    // its rounding); walk on to the first range that does. NaN-only ranges never do.
    let r = Math.max(from, (sortKey(u32[0]!) >>> 16) - 1);
    while (r < 65536 && !(lowestOf(r) > cut)) r++;
    table.fill(c, from, r);
    from = r;
  }
  table.fill(cuts.length, from);
  return table;
}
