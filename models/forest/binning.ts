// Quantile binning: fits ≤ 255 bin edges per feature once and codes the data as row-major Uint8 (255 = missing).
import { cutCode, cutTable } from './cutTable.ts';
import { Rng } from './random.ts';

/** Code reserved for NaN; value bins are 0..maxBins-1 ≤ 254. */
export const MISSING_CODE = 255;

/** Rows used to fit edges; quantiles of a 200k sample are as good as exact for 255 bins, and sorting 1M rows per feature is not free. */
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
  return columns.map((col) => edgesOf(col, sampleRows, maxBins));
}

function edgesOf(col: Float32Array, sampleRows: Uint32Array | null, maxBins: number): Float64Array {
  const m0 = sampleRows ? sampleRows.length : col.length;
  const sample = new Float32Array(m0);
  let m = 0;
  for (let i = 0; i < m0; i++) {
    const v = sampleRows ? col[sampleRows[i]!]! : col[i]!;
    if (v === v) sample[m++] = v;
  }
  const sorted = sample.subarray(0, m).sort();
  // Distinct values with cumulative counts.
  const distinct: number[] = [];
  const cumulative: number[] = [];
  for (let i = 0; i < m; i++) {
    const v = sorted[i]!;
    if (distinct.length === 0 || distinct[distinct.length - 1] !== v) {
      distinct.push(v);
      cumulative.push(i + 1);
    } else cumulative[cumulative.length - 1] = i + 1;
  }
  const d = distinct.length;
  const edges: number[] = [];
  if (d <= maxBins) {
    for (let j = 0; j + 1 < d; j++) edges.push((distinct[j]! + distinct[j + 1]!) / 2);
  } else {
    let j = 0;
    for (let k = 1; k < maxBins; k++) {
      const target = (k * m) / maxBins;
      while (j < d - 1 && cumulative[j]! < target) j++;
      if (j >= d - 1) break;
      // Midpoints keep both neighbours' float32 values strictly on their own side of the threshold.
      const edge = (distinct[j]! + distinct[j + 1]!) / 2;
      if (edges.length === 0 || edge > edges[edges.length - 1]!) edges.push(edge);
    }
  }
  return Float64Array.from(edges);
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
    const e = edges[f]!;
    const table = cutTable(e);
    for (let i = 0, at = f; i < n; i++, at += nFeatures) {
      const x = col[i]!;
      // Same code as binOf: the smallest b with x <= edges[b], or edges.length.
      codes[at] = x !== x ? MISSING_CODE : cutCode(x, bits[i]!, e, table);
    }
  }
  return codes;
}
