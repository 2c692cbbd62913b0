// Columnar batch prediction: the WebAssembly block kernel when the forest fits it, else branch-free node walks in
// JavaScript.
import { randomUUID } from 'node:crypto';
import { binOf } from '../train/binning.ts';
import { blockLayoutObstacle, buildBlockForest, type BlockForest } from './blockForest.ts';
import { BlockKernel, blockKernelSupported } from './blockKernel.ts';
import { codeColumn, cutCoder, type CutCoder } from './cutTable.ts';
import { sharedCopy } from '../workers/sharedCopy.ts';
import { treeDepth, type FlatTree } from '../treeStore.ts';

/**
 * A forest ready for prediction. Split thresholds become small integer codes: per feature, the sorted distinct
 * thresholds the forest uses are its cuts, a value's code is how many cuts lie below it, and x <= cuts[k] ⇔ code <= k.
 * Exactly one of `blocks` and `nodes` is set; both give bitwise the same predictions.
 */
export interface PackedForest {
  /** Tells packed forests apart across threads: a pooled worker finds its kernel for a forest it was sent before. */
  id: string;
  nTrees: number;
  nFeatures: number;
  /** Codes each feature's values against its cuts. */
  coders: CutCoder[];
  /** Layout for the WebAssembly SIMD kernel (blockForest.ts): four levels per lookup. */
  blocks: BlockForest | null;
  /** Layout for the JavaScript walk, used when the forest does not fit the block layout or the runtime lacks SIMD. */
  nodes: NodeForest | null;
}

/** All trees in one node array, walked one level per step. */
export interface NodeForest {
  roots: Int32Array;
  /** Depth of each tree: a walk takes exactly this many steps (leaves step onto themselves). */
  depth: Int32Array;
  /**
   * Two int32 per node. First: feature << 17 | add << 16 | limit; the walk goes right when ((code + add) & 0xffff) >
   * limit. Second: the left child (right = left + 1), or the node itself for a leaf (limit 0xffff: never right).
   */
  nodes: Int32Array;
  value: Float64Array;
}

/** Code of NaN in the node walk; with add = 1 it wraps to 0, below every limit, which sends missing values left. */
const NAN_CODE = 0xffff;
const MAX_FEATURES = 1 << 15;

export interface PackOptions {
  /** 'nodes' forces the JavaScript walk (tests compare the two); default: the block kernel when the forest fits it. */
  layout?: 'auto' | 'nodes';
}

export function packForest(trees: readonly FlatTree[], nFeatures: number, options: PackOptions = {}): PackedForest {
  if (nFeatures > MAX_FEATURES)
    throw new RangeError(`packForest: ${nFeatures} features; at most ${MAX_FEATURES} fit the node encoding.`);
  const used = Array.from({ length: nFeatures }, () => new Set<number>());
  for (const t of trees)
    for (let k = 0; k < t.nodeCount; k++) if (t.feature[k]! >= 0) used[t.feature[k]!]!.add(t.threshold[k]!);
  const cuts = used.map((s) => Float64Array.from(s).sort());
  for (const [f, c] of cuts.entries()) {
    // Codes run 0..cuts.length and code + 1 must not reach NAN_CODE + 1.
    if (c.length >= NAN_CODE - 1)
      throw new RangeError(
        `packForest: feature ${f} has ${c.length} distinct thresholds; at most ${NAN_CODE - 2} are supported.`,
      );
  }
  const useBlocks =
    options.layout !== 'nodes' && blockLayoutObstacle(trees, nFeatures, cuts) === null && blockKernelSupported();
  const blocks = useBlocks ? buildBlockForest(trees, nFeatures, cuts) : null;
  // The large arrays go to shared memory: prediction workers then receive them without a copy.
  return {
    id: randomUUID(),
    nTrees: trees.length,
    nFeatures,
    coders: cuts.map((c) => cutCoder(c, sharedCopy)),
    blocks: blocks && { ...blocks, image: sharedCopy(blocks.image) },
    nodes: useBlocks ? null : packNodes(trees, cuts),
  };
}

function packNodes(trees: readonly FlatTree[], cuts: readonly Float64Array[]): NodeForest {
  const total = trees.reduce((s, t) => s + t.nodeCount, 0);
  const packed: NodeForest = {
    roots: new Int32Array(trees.length),
    depth: new Int32Array(trees.length),
    nodes: new Int32Array(2 * total),
    value: new Float64Array(total),
  };
  let at = 0;
  trees.forEach((t, i) => {
    packed.roots[i] = at;
    packed.value.set(t.value, at);
    packed.depth[i] = treeDepth(t);
    for (let k = 0; k < t.nodeCount; k++) {
      const g = at + k;
      const f = t.feature[k]!;
      if (f < 0) {
        packed.nodes[2 * g] = 0xffff;
        packed.nodes[2 * g + 1] = g;
        continue;
      }
      // The threshold's own index among the cuts: x <= threshold ⇔ code(x) <= limit.
      const limit = binOf(t.threshold[k]!, cuts[f]!);
      const add = t.missingLeft[k]! ? 1 : 0;
      packed.nodes[2 * g] = (f << 17) | (add << 16) | (limit + add);
      packed.nodes[2 * g + 1] = at + t.left[k]!;
    }
    at += t.nodeCount;
  });
  return packed;
}

/**
 * This thread's kernels for the forests it predicted last, most recent last, by packed forest id: a worker sent the
 * same forest again (a new copy of it) finds its kernel. A kernel's memory reserves gigabytes of address space, so
 * only a few are kept: thousands of live forests each holding one ran out of it.
 */
const kernels = new Map<string, BlockKernel>();
const KEPT_KERNELS = 4;

function kernelFor(id: string, forest: BlockForest): BlockKernel {
  let kernel = kernels.get(id);
  if (kernel) kernels.delete(id);
  else kernel = new BlockKernel(forest);
  kernels.set(id, kernel);
  if (kernels.size > KEPT_KERNELS) kernels.delete(kernels.keys().next().value!);
  return kernel;
}

/** Mean class-1 probability over trees for rows [start, end), written into out[start..end). */
export function predictPacked(
  forest: PackedForest,
  columns: readonly Float32Array[],
  out: Float64Array,
  start = 0,
  end = out.length,
): void {
  if (forest.blocks) {
    kernelFor(forest.id, forest.blocks).predict(columns, forest.coders, out, start, end);
  } else {
    predictNodes(forest, forest.nodes!, columns, out, start, end);
  }
}

/** Rows per chunk: their codes (rows × features × 2 bytes) stay in L2 while every tree walks them. */
const CHUNK_ROWS = 2048;

/** predictPacked on the node layout. */
function predictNodes(
  forest: PackedForest,
  layout: NodeForest,
  columns: readonly Float32Array[],
  out: Float64Array,
  start: number,
  end: number,
): void {
  const F = forest.nFeatures;
  const { coders, nTrees } = forest;
  const { roots, depth, nodes, value } = layout;
  const bits = columns.map((c) => new Int32Array(c.buffer, c.byteOffset, c.length));
  const codes = new Uint16Array(CHUNK_ROWS * F); // row-major: one row's codes share a cache line
  const acc = new Float64Array(CHUNK_ROWS);
  for (let c0 = start; c0 < end; c0 += CHUNK_ROWS) {
    const m = Math.min(CHUNK_ROWS, end - c0);
    for (let f = 0; f < F; f++) codeColumn(columns[f]!, bits[f]!, c0, m, coders[f]!, NAN_CODE, codes, f, F);
    acc.fill(0, 0, m);
    for (let t = 0; t < nTrees; t++) {
      const root = roots[t]!;
      const steps = depth[t]!;
      let i = 0;
      // Four independent walks per step keep the core busy while each waits on its node and code loads.
      for (; i + 4 <= m; i += 4) {
        let n0 = root;
        let n1 = root;
        let n2 = root;
        let n3 = root;
        const b0 = i * F;
        const b1 = b0 + F;
        const b2 = b1 + F;
        const b3 = b2 + F;
        for (let d = 0; d < steps; d++) {
          const w0 = nodes[2 * n0]!;
          const w1 = nodes[2 * n1]!;
          const w2 = nodes[2 * n2]!;
          const w3 = nodes[2 * n3]!;
          n0 =
            nodes[2 * n0 + 1]! + (((w0 & 0xffff) - ((codes[b0 + (w0 >>> 17)]! + ((w0 >>> 16) & 1)) & 0xffff)) >>> 31);
          n1 =
            nodes[2 * n1 + 1]! + (((w1 & 0xffff) - ((codes[b1 + (w1 >>> 17)]! + ((w1 >>> 16) & 1)) & 0xffff)) >>> 31);
          n2 =
            nodes[2 * n2 + 1]! + (((w2 & 0xffff) - ((codes[b2 + (w2 >>> 17)]! + ((w2 >>> 16) & 1)) & 0xffff)) >>> 31);
          n3 =
            nodes[2 * n3 + 1]! + (((w3 & 0xffff) - ((codes[b3 + (w3 >>> 17)]! + ((w3 >>> 16) & 1)) & 0xffff)) >>> 31);
        }
        acc[i] += value[n0]!;
        acc[i + 1] += value[n1]!;
        acc[i + 2] += value[n2]!;
        acc[i + 3] += value[n3]!;
      }
      for (; i < m; i++) {
        let n = root;
        const b = i * F;
        for (let d = 0; d < steps; d++) {
          const w = nodes[2 * n]!;
          n = nodes[2 * n + 1]! + (((w & 0xffff) - ((codes[b + (w >>> 17)]! + ((w >>> 16) & 1)) & 0xffff)) >>> 31);
        }
        acc[i] += value[n]!;
      }
    }
    for (let i = 0; i < m; i++) out[c0 + i] = acc[i]! / nTrees;
  }
}
