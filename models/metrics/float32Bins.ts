// Quantile cuts and bin shares of a float column from two histogram passes over its bits: a training profile's deciles
// without selecting in, or binary-searching, every one of its rows.
import { cutPositions, distinctCuts } from './populationBins.ts';

const BUCKETS = 1 << 16;
const EXPONENT = 0x7f800000;
const SIGN = 0x80000000;

/**
 * The float's bits as an unsigned key in numeric order (-0 as 0, so equal numbers share a key): a negative float's
 * bits count down as it grows, a positive's up, and every negative key is below every positive one.
 */
function keyOf(bits: number): number {
  const u = bits === SIGN ? 0 : bits;
  return (u & SIGN ? ~u : u | SIGN) >>> 0;
}

/** One float's bits and value, for converting between them. */
const word = new Uint32Array(1);
const float = new Float32Array(word.buffer);

function valueOf(key: number): number {
  word[0] = key & SIGN ? (key ^ SIGN) >>> 0 : ~key >>> 0;
  return float[0]!;
}

function keyOfValue(v: number): number {
  float[0] = v;
  return keyOf(word[0]!);
}

/** The bucket holding 0-based rank `rank` of a cumulative histogram (cumulative[b] = values in buckets before b). */
function bucketOf(cumulative: Float64Array, rank: number): number {
  let lo = 0;
  let hi = BUCKETS - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (cumulative[mid]! <= rank) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function cumulate(counts: Uint32Array): Float64Array {
  const out = new Float64Array(BUCKETS);
  for (let b = 1; b < BUCKETS; b++) out[b] = out[b - 1]! + counts[b - 1]!;
  return out;
}

/**
 * What knownQuantileCuts(values, bins) and binShares(values, cuts) give for a Float32Array, in two passes: the high 16
 * bits of each finite value's key counted, then the low 16 bits of the values in the few high buckets a cut falls in.
 * The cuts are the values at the same ranks of the sorted finite values, and each bin's count is read off the two
 * histograms (values below a cut), so it is exact. A cut that is zero is 0, never -0.
 */
export function float32Bins(values: Float32Array, bins: number): { cuts: number[]; known: number; shares: number[] } {
  const bits = new Uint32Array(values.buffer, values.byteOffset, values.length);
  const high = new Uint32Array(BUCKETS);
  let known = 0;
  for (let i = 0; i < bits.length; i++) {
    const b = bits[i]!;
    if ((b & EXPONENT) === EXPONENT) continue; // NaN and ±Infinity are not known values
    high[keyOf(b) >>> 16]! += 1;
    known += 1;
  }
  const n = values.length;
  if (known === 0) return { cuts: [], known: 0, shares: [0, n ? 1 : 0] };
  const highBelow = cumulate(high);
  const positions = cutPositions(known, bins);
  // one low histogram for each high bucket some cut falls in (at most bins - 1 of them)
  const slotOf = new Int32Array(BUCKETS).fill(-1);
  const lows: Uint32Array[] = [];
  const picks = positions.map((p) => {
    const bucket = bucketOf(highBelow, p);
    if (slotOf[bucket] === -1) {
      slotOf[bucket] = lows.length;
      lows.push(new Uint32Array(BUCKETS));
    }
    return { bucket, rank: p - highBelow[bucket]! };
  });
  for (let i = 0; i < bits.length; i++) {
    const b = bits[i]!;
    if ((b & EXPONENT) === EXPONENT) continue;
    const key = keyOf(b);
    const slot = slotOf[key >>> 16]!;
    if (slot !== -1) lows[slot]![key & 0xffff]! += 1;
  }
  const lowBelow = lows.map(cumulate);
  const cuts = distinctCuts(
    picks.map(({ bucket, rank }) => {
      const low = bucketOf(lowBelow[slotOf[bucket]!]!, rank);
      return valueOf(((bucket << 16) | low) >>> 0);
    }),
  );
  // values below each cut: the high buckets before its own, then its own bucket's low buckets before its key
  const below = cuts.map((c) => {
    const key = keyOfValue(c);
    const bucket = key >>> 16;
    return highBelow[bucket]! + lowBelow[slotOf[bucket]!]![key & 0xffff]!;
  });
  const counts = [...below.map((b, i) => b - (i === 0 ? 0 : below[i - 1]!)), known - (below.at(-1) ?? 0), n - known];
  return { cuts, known, shares: counts.map((c) => c / n) };
}
