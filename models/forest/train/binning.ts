// Quantile binning: fits ≤ 255 bin edges per feature once and codes the data as row-major Uint8 (255 = missing).
import { codeColumn, cutCoder, sortKey } from '../predict/cutTable.ts';
import { Rng } from './random.ts';

/** Code reserved for NaN; value bins are 0..maxBins-1 ≤ 254. */
export const MISSING_CODE = 255;

/**
 * Rows used to fit edges; quantiles of a 200k sample are as good as exact for 255 bins, and sorting 1M rows per feature
 * is not free.
 */
const EDGE_SAMPLE = 200_000;

/** Per-feature edges: value x is in bin b when edges[b-1] < x <= edges[b]; bin count = edges.length + 1. */
export type BinEdges = Float64Array[];

export function fitBinEdges(columns: readonly Float32Array[], maxBins: number, seed: number): BinEdges {
  const rng = new Rng(seed ^ 0x5bd1e995);
  const n = columns[0]?.length ?? 0;
  const sampleRows: Uint32Array | null = n > EDGE_SAMPLE ? new Uint32Array(EDGE_SAMPLE) : null;
  if (sampleRows) {
    for (let i = 0; i < EDGE_SAMPLE; i++) sampleRows[i] = rng.nextInt(n);
    // Same sample, read in row order: every feature's pass then walks its column forwards instead of jumping around.
    sampleRows.sort();
  }
  return columns.map((col) => edgesOfSorted(sortedByValue(col, sampleRows).values, maxBins));
}

/**
 * Edges and row-major codes of training columns. When every row is in the edge sample, each row's code is read off
 * the sort that found the edges, instead of coding the rows in a second pass (cold, on small data, that pass cost more
 * than the sort; see README, Measurements). Same codes as binRowMajor on the same edges.
 */
export function binColumns(
  columns: readonly Float32Array[],
  maxBins: number,
  seed: number,
): { edges: BinEdges; codes: Uint8Array } {
  const n = columns[0]?.length ?? 0;
  if (n > EDGE_SAMPLE) {
    const edges = fitBinEdges(columns, maxBins, seed);
    return { edges, codes: binRowMajor(columns, edges) };
  }
  const nFeatures = columns.length;
  const codes = new Uint8Array(new SharedArrayBuffer(Math.max(1, n * nFeatures)), 0, n * nFeatures);
  const edges = columns.map((col, f) => {
    const { values, rows } = sortedByValue(col, null);
    const e = edgesOfSorted(values, maxBins);
    codeSorted(values, rows, e, codes, f, nFeatures, n);
    return e;
  });
  return { edges, codes };
}

// Each loop below sits in its own small function: V8 compiles a hot loop on its own, and a long function that held
// them all was thrown back to the interpreter each time it reached a later, not yet seen part (see README,
// Measurements). Cold, that cost more than the sorting.
function edgesOfSorted(sorted: Float32Array, maxBins: number): Float64Array {
  return distinctCount(sorted) <= maxBins ? midpoints(sorted) : quantileEdges(sorted, maxBins);
}

/** The column's non-NaN values (of the sampled rows when there is a sample) ascending, with the row of each. */
function sortedByValue(col: Float32Array, sampleRows: Uint32Array | null): { values: Float32Array; rows: Uint32Array } {
  const bits = new Int32Array(col.buffer, col.byteOffset, col.length);
  const m0 = sampleRows ? sampleRows.length : col.length;
  const keys = new Uint32Array(m0);
  const rows = new Uint32Array(m0);
  let m = 0;
  for (let i = 0; i < m0; i++) {
    const r = sampleRows ? sampleRows[i]! : i;
    const v = col[r]!;
    if (v === v) {
      keys[m] = sortKey(bits[r]!);
      rows[m++] = r;
    }
  }
  return radixSort(keys.subarray(0, m), rows.subarray(0, m));
}

/** Writes the code of every row of feature f: values ascending meet the edges in order; rows not listed are NaN. */
function codeSorted(
  values: Float32Array,
  rows: Uint32Array,
  edges: Float64Array,
  codes: Uint8Array,
  f: number,
  nFeatures: number,
  n: number,
): void {
  for (let r = 0, at = f; r < n; r++, at += nFeatures) codes[at] = MISSING_CODE;
  // Same code as binOf: the smallest b with x <= edges[b], or edges.length.
  let code = 0;
  for (let j = 0; j < values.length; j++) {
    const v = values[j]!;
    while (code < edges.length && v > edges[code]!) code++;
    codes[rows[j]! * nFeatures + f] = code;
  }
}

function distinctCount(sorted: Float32Array): number {
  let d = sorted.length > 0 ? 1 : 0;
  for (let i = 1; i < sorted.length; i++) if (sorted[i] !== sorted[i - 1]) d++;
  return d;
}

/** An edge between every two neighbouring distinct values. */
function midpoints(sorted: Float32Array): Float64Array {
  const edges = new Float64Array(Math.max(0, sorted.length - 1));
  let e = 0;
  // Midpoints keep both neighbours' float32 values strictly on their own side of the threshold.
  for (let i = 1; i < sorted.length; i++)
    if (sorted[i] !== sorted[i - 1]) edges[e++] = (sorted[i - 1]! + sorted[i]!) / 2;
  return edges.slice(0, e);
}

/** End of the run of values equal to sorted[start]. */
function runEnd(sorted: Float32Array, start: number): number {
  let i = start + 1;
  while (i < sorted.length && sorted[i] === sorted[start]) i++;
  return i;
}

/** At most maxBins - 1 edges at quantiles k / maxBins, each just above the run of equal values holding its quantile. */
function quantileEdges(sorted: Float32Array, maxBins: number): Float64Array {
  const m = sorted.length;
  const edges = new Float64Array(maxBins);
  let e = 0;
  // [start, end): the run of equal values reached so far; end counts the values up to and including it.
  let start = 0;
  let end = runEnd(sorted, 0);
  for (let k = 1; k < maxBins; k++) {
    const target = (k * m) / maxBins;
    while (end < m && end < target) {
      start = end;
      end = runEnd(sorted, start);
    }
    if (end >= m) break;
    const edge = (sorted[start]! + sorted[end]!) / 2;
    if (e === 0 || edge > edges[e - 1]!) edges[e++] = edge;
  }
  return edges.slice(0, e);
}

/**
 * Values of the sort keys ascending, each with its row: a three-pass radix sort (11 bits a pass), because
 * Float32Array.prototype.sort was several times slower on the edge sample (see README, Measurements).
 */
function radixSort(keys: Uint32Array, rows: Uint32Array): { values: Float32Array; rows: Uint32Array } {
  const n = keys.length;
  let from: Uint32Array = keys;
  let to: Uint32Array = new Uint32Array(n);
  let fromRows: Uint32Array = rows;
  let toRows: Uint32Array = new Uint32Array(n);
  const counts = new Int32Array(2048);
  for (let shift = 0; shift < 33; shift += 11) {
    radixPass(from, to, fromRows, toRows, counts, shift);
    [from, to, fromRows, toRows] = [to, from, toRows, fromRows];
  }
  return { values: floatsOfKeys(from), rows: fromRows };
}

/** One stable counting-sort pass of `from` (and its rows) into `to` on the 11 key bits from `shift`. */
function radixPass(
  from: Uint32Array,
  to: Uint32Array,
  fromRows: Uint32Array,
  toRows: Uint32Array,
  counts: Int32Array,
  shift: number,
): void {
  const n = from.length;
  counts.fill(0);
  for (let i = 0; i < n; i++) counts[(from[i]! >>> shift) & 2047]++;
  for (let b = 0, at = 0; b < 2048; b++) {
    const c = counts[b]!;
    counts[b] = at;
    at += c;
  }
  for (let i = 0; i < n; i++) {
    const k = from[i]!;
    const at = counts[(k >>> shift) & 2047]++;
    to[at] = k;
    toRows[at] = fromRows[i]!;
  }
}

/** Inverts sortKey in place and reads the bits back as floats. */
function floatsOfKeys(keys: Uint32Array): Float32Array {
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i]!;
    keys[i] = k & 0x80000000 ? k ^ 0x80000000 : ~k;
  }
  return new Float32Array(keys.buffer, keys.byteOffset, keys.length);
}

/** Code of one value: smallest b with x <= edges[b], edges.length past the last edge, MISSING_CODE for NaN. */
export function binOf(x: number, edges: Float64Array): number {
  if (x !== x) return MISSING_CODE;
  let lo = 0;
  let hi = edges.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (x <= edges[mid]!) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Row-major codes (row i's features are contiguous) in shared memory, so workers read them without copies. */
export function binRowMajor(columns: readonly Float32Array[], edges: BinEdges): Uint8Array {
  const nFeatures = columns.length;
  const n = columns[0]?.length ?? 0;
  const codes = new Uint8Array(new SharedArrayBuffer(Math.max(1, n * nFeatures)), 0, n * nFeatures);
  for (let f = 0; f < nFeatures; f++) {
    const col = columns[f]!;
    const bits = new Int32Array(col.buffer, col.byteOffset, col.length);
    // Same code as binOf: the smallest b with x <= edges[b], or edges.length.
    codeColumn(col, bits, 0, n, cutCoder(edges[f]!), MISSING_CODE, codes, f, nFeatures);
  }
  return codes;
}
