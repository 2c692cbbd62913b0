// Codes float32 values against sorted cut points by table lookup: a value's code is how many cuts lie below it.

const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);

/** Orders float32 bit patterns as unsigned integers: a < b as floats ⇔ sortKey(a) < sortKey(b) (NaN aside). */
export function sortKey(bits: number): number {
  return (bits ^ ((bits >> 31) | 0x80000000)) >>> 0;
}

/** Code of a (non-NaN) value given with its float32 bits: the smallest c with x <= cuts[c], or cuts.length. */
export function cutCode(x: number, bits: number, cuts: Float64Array, table: Uint16Array): number {
  let c = table[sortKey(bits) >>> 16]!;
  while (c < cuts.length && x > cuts[c]!) c++;
  return c;
}

/**
 * Codes col[from .. from+count) into out[at], out[at + stride], …: cutCode of each value, `nanCode` for NaN. Training
 * binning and prediction both code columns into row-major buffers this way.
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
  for (let i = from; i < from + count; i++, at += stride) {
    const x = col[i]!;
    out[at] = x !== x ? nanCode : cutCode(x, bits[i]!, cuts, table);
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
 * along the cuts makes exact (cutCode). Cuts are quantiles or split thresholds,
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
