// Versioned JSON form of a forest: typed arrays as little-endian base64, exact and compact; validated on load.
import { endianness } from 'node:os';
import { z } from 'zod';
import type { FlatTree } from './treeStore.ts';

export const FOREST_FORMAT = 'trustlens-forest';
export const FOREST_FORMAT_VERSION = 1;

/** Parameters that shaped the model (threads excluded: they never change it). */
export interface ForestParams {
  nTrees: number;
  maxDepth: number;
  minSamplesLeaf: number;
  maxFeatures: number;
  maxBins: number;
  classWeight: [number, number];
  sampleFraction: number;
  seed: number;
}

export interface ForestState {
  nFeatures: number;
  featureNames: string[];
  params: ForestParams;
  /** ROC-AUC of out-of-bag predictions, null when not computed or undefined (one class). */
  oobScore: number | null;
  trees: FlatTree[];
}

const treeJson = z.object({
  nodeCount: z.number().int().min(1),
  feature: z.string(),
  threshold: z.string(),
  binThreshold: z.string(),
  missingLeft: z.string(),
  left: z.string(),
  value: z.string(),
  cover: z.string(),
});

export const forestJsonSchema = z.object({
  format: z.literal(FOREST_FORMAT),
  version: z.literal(FOREST_FORMAT_VERSION),
  nFeatures: z.number().int().min(1),
  featureNames: z.array(z.string()),
  params: z.object({
    nTrees: z.number(),
    maxDepth: z.number(),
    minSamplesLeaf: z.number(),
    maxFeatures: z.number(),
    maxBins: z.number(),
    classWeight: z.tuple([z.number(), z.number()]),
    sampleFraction: z.number(),
    seed: z.number(),
  }),
  oobScore: z.number().nullable(),
  trees: z.array(treeJson).min(1),
});

export type ForestJSON = z.infer<typeof forestJsonSchema>;

function assertLittleEndian(): void {
  if (endianness() !== 'LE')
    throw new Error('Forest JSON stores little-endian arrays; this big-endian platform is not supported.');
}

function encode(a: ArrayBufferView): string {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64');
}

function decode<T>(s: string, bytesPer: number, n: number, make: (b: ArrayBuffer) => T, what: string): T {
  const buf = Buffer.from(s, 'base64');
  if (buf.byteLength !== bytesPer * n) {
    throw new Error(
      `Forest JSON: ${what} holds ${buf.byteLength} bytes, expected ${bytesPer * n} for ${n} nodes. The file is truncated or edited.`,
    );
  }
  const copy = new ArrayBuffer(buf.byteLength);
  new Uint8Array(copy).set(buf);
  return make(copy);
}

export function forestToJSON(state: ForestState): ForestJSON {
  assertLittleEndian();
  return {
    format: FOREST_FORMAT,
    version: FOREST_FORMAT_VERSION,
    nFeatures: state.nFeatures,
    featureNames: state.featureNames,
    params: state.params,
    oobScore: state.oobScore,
    trees: state.trees.map((t) => ({
      nodeCount: t.nodeCount,
      feature: encode(t.feature),
      threshold: encode(t.threshold),
      binThreshold: encode(t.binThreshold),
      missingLeft: encode(t.missingLeft),
      left: encode(t.left),
      value: encode(t.value),
      cover: encode(t.cover),
    })),
  };
}

export function forestFromJSON(input: unknown): ForestState {
  assertLittleEndian();
  const raw: unknown = typeof input === 'string' ? JSON.parse(input) : input;
  const parsed = forestJsonSchema.safeParse(raw);
  if (!parsed.success) {
    const version = (raw as { version?: unknown } | null)?.version;
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new Error(
      `Forest JSON is not a ${FOREST_FORMAT} v${FOREST_FORMAT_VERSION} model (version received: ${JSON.stringify(version)}):\n  - ${problems.slice(0, 10).join('\n  - ')}`,
    );
  }
  const j = parsed.data;
  const trees = j.trees.map((t, i): FlatTree => {
    const n = t.nodeCount;
    const at = (k: string) => `trees[${i}].${k}`;
    const tree: FlatTree = {
      nodeCount: n,
      feature: decode(t.feature, 4, n, (b) => new Int32Array(b), at('feature')),
      threshold: decode(t.threshold, 8, n, (b) => new Float64Array(b), at('threshold')),
      binThreshold: decode(t.binThreshold, 1, n, (b) => new Uint8Array(b), at('binThreshold')),
      missingLeft: decode(t.missingLeft, 1, n, (b) => new Uint8Array(b), at('missingLeft')),
      left: decode(t.left, 4, n, (b) => new Int32Array(b), at('left')),
      value: decode(t.value, 8, n, (b) => new Float64Array(b), at('value')),
      cover: decode(t.cover, 8, n, (b) => new Float64Array(b), at('cover')),
    };
    const parent = new Int32Array(n).fill(-1);
    for (let k = 0; k < n; k++) {
      const f = tree.feature[k]!;
      const l = tree.left[k]!;
      if (f >= j.nFeatures || (f >= 0 && (l <= k || l + 1 >= n)) || (f < 0 && l !== -1)) {
        throw new Error(
          `Forest JSON: ${at('node ' + k)} has feature ${f} and left child ${l}, which is not a valid tree. The file is corrupt.`,
        );
      }
      if (f < 0) continue;
      if (Number.isNaN(tree.threshold[k]!)) {
        throw new Error(
          `Forest JSON: ${at('node ' + k)} splits feature ${f} at threshold NaN, which no value is at or below. The file is corrupt.`,
        );
      }
      for (const c of [l, l + 1]) {
        if (parent[c]! >= 0) {
          throw new Error(
            `Forest JSON: ${at('node ' + c)} is a child of both node ${parent[c]} and node ${k}; in a tree each node has one parent. The file is corrupt.`,
          );
        }
        parent[c] = k;
      }
    }
    return tree;
  });
  return { nFeatures: j.nFeatures, featureNames: j.featureNames, params: j.params, oobScore: j.oobScore, trees };
}
