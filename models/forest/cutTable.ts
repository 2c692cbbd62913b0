// Codes float32 values against sorted cut points by table lookup: a value's code is how many cuts lie below it.

const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);

/** Orders float32 bit patterns as unsigned integers: a < b as floats ⇔ sortKey(a) < sortKey(b) (NaN aside). */
export function sortKey(bits: number): number {
  return (bits ^ ((bits >> 31) | 0x80000000)) >>> 0;
}

/**
 * Codes col[from .. from+count) into out[at], out[at + stride], …: for each value x, the smallest c with x <= cuts[c]
 * (cuts.length above them all), `nanCode` for NaN. `bits` views the column's float32 bits and `table` is
 * cutTable(cuts), whose entry is a lower bound that a step or two along the cuts makes exact. Training binning and
 * prediction both code columns into row-major buffers this way.
 */
export function codeColumn(
  col: Float32Array,
  bits: Int32Array,
  from: number,
  count: number,
  cuts: Float64Array,
  table: Uint16Array,
  nanCode: number,
  out: Uint8Array | Uint16Array,
  at: number,
  stride: number,
): void {
  const n = cuts.length;
  if (n === 0) {
    // No cut to compare with (and no out-of-bounds read, which would slow the loop below for every column).
    for (let i = from; i < from + count; i++, at += stride) out[at] = col[i]! !== col[i]! ? nanCode : 0;
    return;
  }
  const last = n - 1;
  for (let i = from; i < from + count; i++, at += stride) {
    const x = col[i]!;
    let c = table[sortKey(bits[i]!) >>> 16]!;
    // The first step along the cuts is taken without a branch: whether a value lies above the one cut of its range is
    // a coin toss the branch predictor loses, and a range rarely holds a second cut.
    c += +(x > cuts[c < last ? c : last]!) & +(c < n);
    while (c < n && x > cuts[c]!) c++;
    out[at] = x !== x ? nanCode : c;
  }
}

/** Smallest float32 value of a range (NaN for the ranges that hold only NaNs). */
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
 * Built from the cuts (each one's first range starting above it) rather than range by range, so a table costs
 * microseconds, not the 0.6 ms that 65,536 float conversions took: small data builds one per feature.
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
