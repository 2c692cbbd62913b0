// Columnar batch prediction: per chunk of rows, each tree partitions row ids node by node with branchless integer compares.
import type { FlatTree } from './treeStore.ts';

/** All trees concatenated with global child indices; thresholds pre-converted to order-preserving int32 keys. */
export interface PackedForest {
  nTrees: number;
  roots: Int32Array;
  feature: Int32Array;
  /** Key of the largest float32 ≤ threshold, so x <= threshold ⇔ key(x) <= thresholdKey for every float32 x. */
  thresholdKey: Int32Array;
  /** 1 when NaN goes left at this split. */
  missingLeft: Uint8Array;
  left: Int32Array;
  value: Float64Array;
}

const f32 = new Float32Array(1);
const i32 = new Int32Array(f32.buffer);

/** Maps float32 bit patterns to int32 with the same order (negative floats flip their magnitude bits). */
function keyOfBits(bits: number): number {
  return bits ^ ((bits >> 31) & 0x7fffffff);
}

function thresholdKey(t: number): number {
  if (t === Infinity) return keyOfBits(0x7f800000);
  f32[0] = t;
  let key = keyOfBits(i32[0]!);
  if (f32[0]! > t) key -= 1; // fround rounded up: step to the float32 just below (keys of adjacent floats differ by 1)
  return key;
}

export function packForest(trees: readonly FlatTree[]): PackedForest {
  const total = trees.reduce((s, t) => s + t.nodeCount, 0);
  const packed: PackedForest = {
    nTrees: trees.length,
    roots: new Int32Array(trees.length),
    feature: new Int32Array(total),
    thresholdKey: new Int32Array(total),
    missingLeft: new Uint8Array(total),
    left: new Int32Array(total),
    value: new Float64Array(total),
  };
  let at = 0;
  trees.forEach((t, i) => {
    packed.roots[i] = at;
    packed.feature.set(t.feature, at);
    packed.value.set(t.value, at);
    packed.missingLeft.set(t.missingLeft, at);
    for (let k = 0; k < t.nodeCount; k++) {
      packed.left[at + k] = t.left[k]! >= 0 ? t.left[k]! + at : -1;
      packed.thresholdKey[at + k] = t.feature[k]! >= 0 ? thresholdKey(t.threshold[k]!) : 0;
    }
    at += t.nodeCount;
  });
  return packed;
}

/** Rows per chunk: the chunk's keys (rows × features × 4 bytes) stay in L2 while every tree walks them. */
const CHUNK_ROWS = 4096;
/** Above +Infinity's key (0x7f800000), so NaN goes right unless the split says missing goes left. */
const NAN_KEY = 0x7fffffff;

/** Mean class-1 probability over trees for rows [start, end), written into out[start..end). */
export function predictPacked(
  forest: PackedForest,
  columns: readonly Float32Array[],
  out: Float64Array,
  start = 0,
  end = out.length,
): void {
  const nFeatures = columns.length;
  const { roots, feature, thresholdKey: tkey, missingLeft, left, value, nTrees } = forest;
  const bits = columns.map((c) => new Int32Array(c.buffer, c.byteOffset, c.length));
  // keys[f * CHUNK + i]: order-preserving int32 key of feature f in chunk row i.
  const keys = new Int32Array(nFeatures * CHUNK_ROWS);
  const acc = new Float64Array(CHUNK_ROWS);
  const rowsA = new Uint16Array(CHUNK_ROWS);
  const rowsB = new Uint16Array(CHUNK_ROWS);
  const stackNode = new Int32Array(256);
  const stackStart = new Int32Array(256);
  const stackEnd = new Int32Array(256);
  const stackFlip = new Uint8Array(256);
  for (let c0 = start; c0 < end; c0 += CHUNK_ROWS) {
    const m = Math.min(CHUNK_ROWS, end - c0);
    for (let f = 0; f < nFeatures; f++) {
      const b = bits[f]!;
      const at = f * CHUNK_ROWS;
      for (let i = 0; i < m; i++) {
        const v = b[c0 + i]!;
        // NaN (exponent all ones, mantissa non-zero, either sign) gets the one key above every number's.
        keys[at + i] = (v & 0x7fffffff) > 0x7f800000 ? NAN_KEY : v ^ ((v >> 31) & 0x7fffffff);
      }
    }
    acc.fill(0, 0, m);
    for (let t = 0; t < nTrees; t++) {
      for (let i = 0; i < m; i++) rowsA[i] = i;
      // Depth-first over nodes with their row ranges; partitioning happens in place via a scratch buffer.
      let sp = 0;
      stackNode[0] = roots[t]!;
      stackStart[0] = 0;
      stackEnd[0] = m;
      stackFlip[0] = 0;
      sp = 1;
      while (sp > 0) {
        sp--;
        const node = stackNode[sp]!;
        const s = stackStart[sp]!;
        const e = stackEnd[sp]!;
        const flip = stackFlip[sp]!;
        // A node's rows sit in one of two buffers; its children's go to the other over the same (disjoint) range.
        const src = flip ? rowsB : rowsA;
        const dst = flip ? rowsA : rowsB;
        const f = feature[node]!;
        if (f < 0) {
          const v = value[node]!;
          for (let i = s; i < e; i++) acc[src[i]!] += v;
          continue;
        }
        const l = partitionRows(src, dst, keys, f * CHUNK_ROWS, tkey[node]!, missingLeft[node]!, s, e);
        // dst[s..l) went left, dst[l..e) right (reversed, which does not matter for sums).
        const lc = left[node]!;
        if (e > l) {
          stackNode[sp] = lc + 1;
          stackStart[sp] = l;
          stackEnd[sp] = e;
          stackFlip[sp] = flip ^ 1;
          sp++;
        }
        if (l > s) {
          stackNode[sp] = lc;
          stackStart[sp] = s;
          stackEnd[sp] = l;
          stackFlip[sp] = flip ^ 1;
          sp++;
        }
      }
    }
    for (let i = 0; i < m; i++) out[c0 + i] = acc[i]! / nTrees;
  }
}

/** Splits src[s..e) into dst: rows with key <= th from s upward, the others from e − 1 downward; returns the boundary. */
function partitionRows(
  src: Uint16Array, dst: Uint16Array, keys: Int32Array, base: number, th: number, missingLeft: number, s: number, e: number,
): number {
  const thHalf = th >> 1;
  const thLow = th & 1;
  let l = s;
  let r = e - 1;
  for (let i = s; i < e; i++) {
    const row = src[i]!;
    const k = keys[base + row]!;
    // Sign of th − k without int32 overflow: halves first, then the low bits break ties (int32 ops only, no branch).
    // NaN's key exceeds every threshold key; missingLeft flips it back left.
    const goRight = ((thHalf - (k >> 1) + ((thLow - (k & 1)) >> 1)) >>> 31) ^ ((k === NAN_KEY ? 1 : 0) & missingLeft);
    dst[l] = row;
    dst[r] = row;
    l += 1 - goRight;
    r -= goRight;
  }
  return l;
}
