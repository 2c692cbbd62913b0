// Grows one tree on binned codes: bootstrap, depth-first histogram splits with sibling subtraction, flat storage.
import { MISSING_CODE } from './binning.ts';
import { emptyCandidate, scanFeature } from './findSplit.ts';
import {
  buildFeatureHistograms,
  buildHistogram,
  FEATURE_STRIDE,
  histogramSize,
  subtractHistogram,
  wantsFullHistogram,
} from './histogram.ts';
import type { OobAccumulator } from './oob.ts';
import { deriveSeed, Rng } from './random.ts';
import { SparseScanner } from './sparseScan.ts';
import { TreeBuilder, type FlatTree } from '../treeStore.ts';

/** Nodes up to this many rows scan only the codes present (SparseScanner) instead of dense per-feature histograms. */
const SPARSE_MAX_ROWS = 256;

/** Everything a tree needs, shared read-only by all trees of a forest (codes live in a SharedArrayBuffer). */
export interface TrainingData {
  codes: Uint8Array;
  labels: Uint8Array;
  nRows: number;
  nFeatures: number;
  /** Value bins per feature (edges + 1). */
  nBins: Int32Array;
  edges: Float64Array[];
}

export interface TreeParams {
  seed: number;
  maxDepth: number;
  minSamplesLeaf: number;
  maxFeatures: number;
  classWeight: [number, number];
  sampleFraction: number;
}

/** Per-thread scratch, reused across trees so growing a tree allocates little beyond its own nodes. */
export class TreeGrower {
  private readonly weight: Float64Array;
  private readonly rows: Uint32Array;
  private readonly scratch: Uint32Array;
  private readonly perm: Int32Array;
  private readonly builder = new TreeBuilder();
  private readonly pool: Float64Array[] = [];
  private readonly best = emptyCandidate();
  private readonly sparse: SparseScanner;
  /** Histograms of a small node's sampled features, side by side. */
  private readonly sampleHist: Float64Array;

  constructor(
    private readonly data: TrainingData,
    private readonly params: TreeParams,
  ) {
    this.weight = new Float64Array(data.nRows);
    this.rows = new Uint32Array(data.nRows);
    this.scratch = new Uint32Array(data.nRows);
    this.perm = new Int32Array(data.nFeatures);
    this.sparse = new SparseScanner(data.codes, data.nFeatures, data.labels, this.rows, this.weight);
    this.sampleHist = new Float64Array(Math.max(1, Math.min(params.maxFeatures, data.nFeatures)) * FEATURE_STRIDE);
  }

  /** Builds tree `index`; afterwards `weight` is 0 exactly for that tree's out-of-bag rows. */
  grow(index: number): FlatTree {
    const { data, params, weight, rows, builder, perm } = this;
    const { codes, labels, nRows, nFeatures, nBins, edges } = data;
    const rng = new Rng(deriveSeed(params.seed, index));
    for (let f = 0; f < nFeatures; f++) perm[f] = f;

    // Multinomial bootstrap (as scikit-learn does), expressed as per-row counts × class weight.
    weight.fill(0);
    const draws = Math.max(1, Math.round(params.sampleFraction * nRows));
    for (let d = 0; d < draws; d++) weight[rng.nextInt(nRows)]! += 1;
    let nIn = 0;
    let total0 = 0;
    let total1 = 0;
    const [cw0, cw1] = params.classWeight;
    for (let r = 0; r < nRows; r++) {
      const c = weight[r]!;
      if (c === 0) continue;
      const w = c * (labels[r] ? cw1 : cw0);
      weight[r] = w;
      rows[nIn++] = r;
      if (labels[r]) total1 += w;
      else total0 += w;
    }

    builder.reset();
    const root = builder.addNode(total1 / (total0 + total1), total0 + total1);
    const minLeaf = params.minSamplesLeaf;
    const full = (count: number) => wantsFullHistogram(count, nFeatures, params.maxFeatures);
    let rootHist: Float64Array | null = null;
    // A full histogram pays only through subtraction, which needs the larger child (≥ half the rows) to qualify too;
    // otherwise the root would histogram every feature just to scan the few it samples.
    if (full(nIn / 2)) {
      rootHist = this.takeHist();
      buildHistogram(rootHist, codes, nFeatures, rows, 0, nIn, weight, labels);
    }

    // Explicit stack of pending nodes; each owns a histogram that is recycled when the node is done.
    const stack: Pending[] = [{ node: root, start: 0, end: nIn, depth: 0, hist: rootHist, w0: total0, w1: total1 }];
    while (stack.length > 0) {
      const p = stack.pop()!;
      const count = p.end - p.start;
      if (p.depth >= params.maxDepth || count < 2 * minLeaf || p.w0 <= 0 || p.w1 <= 0) {
        this.release(p.hist);
        continue;
      }
      const best = this.best;
      best.found = false;
      best.score = -Infinity;
      best.feature = -1;
      // Partial Fisher–Yates: features in random order. The first maxFeatures are always tried (a small node
      // histograms them in one pass over its rows); later ones only until some valid split exists.
      const first = Math.min(params.maxFeatures, nFeatures);
      for (let j = 0; j < first; j++) drawFeature(perm, j, rng);
      this.scanFeatures(p, 0, first);
      for (let j = first; j < nFeatures && !best.found; j++) {
        drawFeature(perm, j, rng);
        this.scanFeatures(p, j, 1);
      }
      const wn = p.w0 + p.w1;
      const parentScore = (p.w0 * p.w0 + p.w1 * p.w1) / wn;
      if (!best.found || best.score - parentScore <= 1e-12 * wn) {
        this.release(p.hist);
        continue;
      }
      const f = best.feature;
      const bin = best.bin;
      const missingLeft = best.missingLeft;
      const nLeft = this.partition(p.start, p.end, f, bin, missingLeft);
      const l0 = best.left0;
      const l1 = best.left1;
      const r0 = p.w0 - l0;
      const r1 = p.w1 - l1;
      const left = builder.addNode(l1 / (l0 + l1), l0 + l1);
      builder.addNode(r1 / (r0 + r1), r0 + r1);
      const threshold = bin < nBins[f]! - 1 ? edges[f]![bin]! : Infinity;
      builder.setSplit(p.node, f, threshold, bin, missingLeft, left);

      // Histogram the smaller child; the larger one is parent minus smaller, reusing the parent's buffer.
      // Children too small for a full histogram get none and histogram their sampled features on demand.
      const mid = p.start + nLeft;
      const nRight = count - nLeft;
      const leftSmaller = nLeft <= nRight;
      let leftHist: Float64Array | null = null;
      let rightHist: Float64Array | null = null;
      if (p.hist && full(Math.max(nLeft, nRight))) {
        const small = this.takeHist();
        if (leftSmaller) buildHistogram(small, codes, nFeatures, rows, p.start, mid, weight, labels);
        else buildHistogram(small, codes, nFeatures, rows, mid, p.end, weight, labels);
        subtractHistogram(p.hist, small);
        leftHist = leftSmaller ? small : p.hist;
        rightHist = leftSmaller ? p.hist : small;
        if (!full(Math.min(nLeft, nRight))) {
          this.release(leftSmaller ? leftHist : rightHist);
          if (leftSmaller) leftHist = null;
          else rightHist = null;
        }
      } else this.release(p.hist);
      const depth = p.depth + 1;
      stack.push({ node: left + 1, start: mid, end: p.end, depth, hist: rightHist, w0: r0, w1: r1 });
      stack.push({ node: left, start: p.start, end: mid, depth, hist: leftHist, w0: l0, w1: l1 });
    }
    return builder.finish();
  }

  /**
   * Scans features perm[from .. from+count) of node p into this.best: from the node's full histogram when it has one,
   * from the codes present when it is small, otherwise from histograms of just those features.
   */
  private scanFeatures(p: Pending, from: number, count: number): void {
    const { perm, best, sampleHist, rows, weight } = this;
    const { codes, labels, nFeatures, nBins } = this.data;
    const minLeaf = this.params.minSamplesLeaf;
    const n = p.end - p.start;
    if (p.hist) {
      for (let j = from; j < from + count; j++)
        scanFeature(p.hist, perm[j]! * FEATURE_STRIDE, perm[j]!, nBins[perm[j]!]!, p.w0, p.w1, n, minLeaf, best);
    } else if (n <= SPARSE_MAX_ROWS) {
      for (let j = from; j < from + count; j++) this.sparse.scan(perm[j]!, p.start, p.end, p.w0, p.w1, minLeaf, best);
    } else {
      buildFeatureHistograms(sampleHist, perm, from, count, codes, nFeatures, rows, p.start, p.end, weight, labels);
      for (let q = 0; q < count; q++)
        scanFeature(
          sampleHist,
          q * FEATURE_STRIDE,
          perm[from + q]!,
          nBins[perm[from + q]!]!,
          p.w0,
          p.w1,
          n,
          minLeaf,
          best,
        );
    }
  }

  /** Builds tree `index` and, given an accumulator, adds the tree's predictions for its out-of-bag rows to it. */
  growCountingOob(index: number, oob: OobAccumulator | null): FlatTree {
    const tree = this.grow(index);
    oob?.addTree(tree, this.data.codes, this.data.nFeatures, this.weight);
    return tree;
  }

  /**
   * Stable partition of rows[start..end) by the split; stable keeps rows ascending, which keeps code reads sequential.
   */
  private partition(start: number, end: number, f: number, bin: number, missingLeft: boolean): number {
    const { rows, scratch } = this;
    const { codes, nFeatures } = this.data;
    // Missing rows go left as if their code were 0 (≤ every bin), right as if MISSING_CODE (> every value bin).
    const missingAs = missingLeft ? 0 : MISSING_CODE;
    let l = start;
    let r = 0;
    // Branch-free: each row is written to both sides and only the side it belongs to advances, because which side a
    // row takes is close to a coin flip and a mispredicted branch costs more than the extra store.
    for (let i = start; i < end; i++) {
      const row = rows[i]!;
      const c = codes[row * nFeatures + f]!;
      const right = (((c === MISSING_CODE ? missingAs : c) - bin - 1) >>> 31) ^ 1;
      rows[l] = row;
      scratch[r] = row;
      l += right ^ 1;
      r += right;
    }
    rows.set(scratch.subarray(0, r), l);
    return l - start;
  }

  private release(hist: Float64Array | null): void {
    if (hist) this.pool.push(hist);
  }

  private takeHist(): Float64Array {
    return this.pool.pop() ?? new Float64Array(histogramSize(this.data.nFeatures));
  }
}

/** Swaps a uniformly drawn feature among perm[j..] into perm[j] and returns it. */
function drawFeature(perm: Int32Array, j: number, rng: Rng): number {
  const s = j + rng.nextInt(perm.length - j);
  const f = perm[s]!;
  perm[s] = perm[j]!;
  perm[j] = f;
  return f;
}

interface Pending {
  node: number;
  start: number;
  end: number;
  depth: number;
  /** Full all-feature histogram, or null for small nodes that histogram sampled features on demand. */
  hist: Float64Array | null;
  w0: number;
  w1: number;
}
