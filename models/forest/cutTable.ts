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
 * For each of the 65,536 ranges of float32 values sharing the top 16 bits of their sort key (`sortKey(bits) >>> 16`),
 * the code of the range's smallest value: a lower bound on the code of every value in the range, which a step or two
 * along the cuts makes exact (cutCode). Cuts are quantiles or split thresholds,
 * so a range rarely holds more than one, and coding a value costs a lookup instead of a binary search.
 */
export function cutTable(cuts: Float64Array): Uint16Array {
  if (cuts.length > 0xffff) throw new RangeError(`cutTable: ${cuts.length} cuts; at most 65,535 fit a 16-bit code.`);
  const table = new Uint16Array(65536);
  let code = 0;
  for (let range = 0; range < 65536; range++) {
    const key = range << 16; // smallest sort key in the range, as int32
    // Invert sortKey: positive floats had the sign bit set, negative ones had every bit flipped.
    u32[0] = key < 0 ? key ^ 0x80000000 : ~key;
    const lowest = f32[0]!;
    if (lowest === lowest) while (code < cuts.length && cuts[code]! < lowest) code++;
    table[range] = code;
  }
  return table;
}
