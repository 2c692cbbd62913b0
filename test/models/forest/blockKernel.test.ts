// The WebAssembly block kernel predicts bitwise what the node walk predicts, for every shape the block layout admits.
import { describe, expect, it } from 'vitest';
import { BLOCK_BYTES, blockLayoutObstacle } from '../../../models/forest/predict/blockForest.ts';
import { trainForest } from '../../../models/forest/index.ts';
import { packForest, predictPacked } from '../../../models/forest/predict/predict.ts';
import { treeDepth, type FlatTree } from '../../../models/forest/treeStore.ts';
import { sleb, uleb } from '../../../models/forest/predict/wasmModule.ts';
import { makeData } from './helpers.ts';

/** Both layouts' predictions for the same rows. */
function bothLayouts(trees: readonly FlatTree[], nFeatures: number, columns: Float32Array[]) {
  const blocks = packForest(trees, nFeatures);
  const nodes = packForest(trees, nFeatures, { layout: 'nodes' });
  const n = columns[0]!.length;
  const fromBlocks = new Float64Array(n);
  const fromNodes = new Float64Array(n);
  predictPacked(blocks, columns, fromBlocks);
  predictPacked(nodes, columns, fromNodes);
  return { blocks, fromBlocks: Array.from(fromBlocks), fromNodes: Array.from(fromNodes) };
}

/** Rows with NaN, ±∞ and ±0 sprinkled over every feature, so missing values go both ways at some splits. */
function testRows(n: number, nFeatures: number, seed: number): Float32Array[] {
  const { columns } = makeData(n, nFeatures, seed, () => 0);
  const specials = [NaN, Infinity, -Infinity, 0, -0];
  columns.forEach((c, f) => {
    for (let i = f % 5; i < n; i += 7) c[i] = specials[(i + f) % specials.length]!;
  });
  return columns;
}

describe('block kernel', () => {
  // Features 1–64 fill one to four 16-byte code groups; depths 1–11 take one to three lookups per tree, and the first
  // block of a tree whose depth is not a multiple of four starts below its top.
  const shapes = [
    { nFeatures: 1, maxDepth: 1 },
    { nFeatures: 3, maxDepth: 4 },
    { nFeatures: 16, maxDepth: 5 },
    { nFeatures: 17, maxDepth: 8 },
    { nFeatures: 33, maxDepth: 11 },
    { nFeatures: 64, maxDepth: 7 },
  ];
  for (const { nFeatures, maxDepth } of shapes) {
    it(`matches the node walk bitwise: ${nFeatures} features, depth up to ${maxDepth}`, async () => {
      const train = makeData(1500, nFeatures, nFeatures, (x, rng) =>
        x[0]! + x[nFeatures - 1]! * x[nFeatures >> 1]! + 0.3 * rng.nextFloat() > 0.2 ? 1 : 0,
      );
      // Missing values in training make both missing-left and missing-right splits (and "missing or not" ones).
      train.columns.forEach((c, f) => {
        for (let i = f % 3; i < 1500; i += 4) if (train.labels[i] === f % 2) c[i] = NaN;
      });
      const model = await trainForest(train.columns, train.labels, {
        nTrees: 4,
        maxDepth,
        minSamplesLeaf: 1,
        threads: 1,
        seed: 3,
      });
      // Row counts around the eight-row step, and past a 32k-row chunk.
      for (const n of [1, 7, 8, 9, 250, 32_768 + 13]) {
        const { blocks, fromBlocks, fromNodes } = bothLayouts(model.trees, nFeatures, testRows(n, nFeatures, n));
        expect(blocks.blocks).not.toBeNull();
        expect(fromBlocks).toEqual(fromNodes);
      }
    });
  }

  it('walks a tree that is a single leaf (depth 0) through a pass-through block', async () => {
    const { columns } = makeData(200, 2, 5, () => 0);
    const labels = new Uint8Array(200);
    labels[0] = 1;
    const model = await trainForest(columns, labels, { nTrees: 6, minSamplesLeaf: 150, threads: 1, seed: 1 });
    expect(model.trees.some((t) => t.nodeCount === 1)).toBe(true);
    const { fromBlocks, fromNodes } = bothLayouts(model.trees, 2, testRows(50, 2, 9));
    expect(fromBlocks).toEqual(fromNodes);
  });

  it('falls back to the node walk past 64 features or 254 finite thresholds on a feature, and says why', async () => {
    const train = makeData(600, 65, 2, (x) => (x[64]! > 0 ? 1 : 0));
    const model = await trainForest(train.columns, train.labels, { nTrees: 2, maxDepth: 3, threads: 1, seed: 1 });
    expect(packForest(model.trees, 65).blocks).toBeNull();
    expect(blockLayoutObstacle(model.trees, 65, [])).toBe('65 features (the block kernel holds at most 64)');
    const finite = Float64Array.from({ length: 255 }, (_, i) => i);
    expect(blockLayoutObstacle([], 2, [new Float64Array(0), finite])).toBe(
      'feature 1 has 255 distinct thresholds (byte codes allow 254 finite ones)',
    );
    // +∞ (a "missing or not" split) codes no value above it, so 254 finite thresholds and +∞ still fit.
    expect(
      blockLayoutObstacle([], 2, [new Float64Array(0), Float64Array.from([...finite.subarray(0, 254), Infinity])]),
    ).toBeNull();
  });
});

/**
 * A hand-made tree: a path of `depth` splits that turns left or right by turns, each split's other child a leaf.
 * Thresholds cycle through -∞, a repeated 0, +∞, NaN (which only hand-made trees have) and ordinary values.
 */
function pathTree(depth: number, nFeatures: number): FlatTree {
  const thresholds = [-Infinity, 0, 0, Infinity, NaN, 0.5, -0.25];
  const feature: number[] = [];
  const threshold: number[] = [];
  const missingLeft: number[] = [];
  const left: number[] = [];
  const value: number[] = [];
  const add = () => {
    feature.push(-1);
    threshold.push(0);
    missingLeft.push(0);
    left.push(-1);
    value.push(value.length / 1000);
    return value.length - 1;
  };
  let node = add();
  for (let d = 0; d < depth; d++) {
    const l = add();
    add();
    feature[node] = d % nFeatures;
    threshold[node] = thresholds[d % thresholds.length]!;
    missingLeft[node] = (d >> 1) % 2;
    left[node] = l;
    node = d % 2 === 0 ? l : l + 1; // the path goes on from the left or the right child
  }
  const n = value.length;
  return {
    nodeCount: n,
    feature: Int32Array.from(feature),
    threshold: Float64Array.from(threshold),
    binThreshold: new Uint8Array(n),
    missingLeft: Uint8Array.from(missingLeft),
    left: Int32Array.from(left),
    value: Float64Array.from(value),
    cover: new Float64Array(n).fill(1),
  };
}

describe('block kernel on deep and hand-made trees', () => {
  it('matches the node walk on trees 20 to 60 levels deep, a record per node at most', async () => {
    // noise: trees grow as deep as allowed
    const train = makeData(4000, 5, 12, (_, rng) => (rng.nextFloat() < 0.3 ? 1 : 0));
    const model = await trainForest(train.columns, train.labels, {
      nTrees: 3,
      maxDepth: 60,
      minSamplesLeaf: 1,
      threads: 1,
      seed: 5,
    });
    const trees = [...model.trees, pathTree(20, 5), pathTree(57, 5), pathTree(60, 5)];
    expect(Math.max(...model.trees.map((t) => treeDepth(t)))).toBeGreaterThan(20);
    const { blocks, fromBlocks, fromNodes } = bothLayouts(trees, 5, testRows(3000, 5, 4));
    expect(blocks.blocks).not.toBeNull();
    expect(fromBlocks).toEqual(fromNodes);
    const nodes = trees.reduce((s, t) => s + t.nodeCount, 0);
    expect(blocks.blocks!.image.length).toBeLessThanOrEqual(nodes * (BLOCK_BYTES + 8));
  });

  it('sends values at a NaN threshold (only hand-made trees have one) where the node walk does', () => {
    const split = (missingLeft: number): FlatTree => ({
      nodeCount: 3,
      feature: Int32Array.of(0, -1, -1),
      threshold: Float64Array.of(NaN, 0, 0),
      binThreshold: new Uint8Array(3),
      missingLeft: Uint8Array.of(missingLeft, 0, 0),
      left: Int32Array.of(1, -1, -1),
      value: Float64Array.of(0.5, 0, 1),
      cover: Float64Array.of(2, 1, 1),
    });
    const rows = [Float32Array.of(0, 5, NaN, -Infinity, Infinity)];
    for (const trees of [[split(0)], [split(1)], [split(0), split(1)]]) {
      const { blocks, fromBlocks, fromNodes } = bothLayouts(trees, 1, rows);
      expect(blocks.blocks).not.toBeNull();
      expect(fromBlocks).toEqual(fromNodes);
    }
  });

  it('walks nodes past depth 60 and says why', () => {
    const trees = [pathTree(61, 3)];
    expect(packForest(trees, 3).blocks).toBeNull();
    expect(blockLayoutObstacle(trees, 3, [])).toBe('tree 0 is 61 levels deep (the block kernel walks at most 60)');
  });

  it('keeps working when more forests take turns than it keeps kernels for', () => {
    const forests = Array.from({ length: 7 }, (_, i) => [pathTree(3 + 2 * i, 4)]);
    const rows = testRows(100, 4, 2);
    const expected = forests.map((trees) => bothLayouts(trees, 4, rows).fromNodes);
    const packed = forests.map((trees) => packForest(trees, 4));
    for (let round = 0; round < 3; round++) {
      packed.forEach((p, i) => {
        const out = new Float64Array(100);
        predictPacked(p, rows, out);
        expect(Array.from(out)).toEqual(expected[i]);
      });
    }
  });
});

describe('wasmModule encodings', () => {
  it('writes LEB128 as the WebAssembly binary format defines it', () => {
    expect(uleb(0)).toEqual([0]);
    expect(uleb(127)).toEqual([0x7f]);
    expect(uleb(128)).toEqual([0x80, 0x01]);
    expect(uleb(32768)).toEqual([0x80, 0x80, 0x02]);
    expect(sleb(-1)).toEqual([0x7f]);
    expect(sleb(63)).toEqual([0x3f]);
    expect(sleb(64)).toEqual([0xc0, 0x00]);
    expect(sleb(-64)).toEqual([0x40]);
    expect(sleb(-65)).toEqual([0xbf, 0x7f]);
    expect(sleb(0x7fff)).toEqual([0xff, 0xff, 0x01]);
  });
});
