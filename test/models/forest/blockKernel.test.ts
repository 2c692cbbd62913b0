// The WebAssembly block kernel predicts bitwise what the node walk predicts, for every shape the block layout admits.
import { describe, expect, it } from 'vitest';
import { blockLayoutObstacle } from '../../../models/forest/blockForest.ts';
import { trainForest } from '../../../models/forest/index.ts';
import { packForest, predictPacked } from '../../../models/forest/predict.ts';
import { sleb, uleb } from '../../../models/forest/wasmModule.ts';
import { makeData } from './helpers.ts';

/** Both layouts' predictions for the same rows. */
function bothLayouts(trees: Parameters<typeof packForest>[0], nFeatures: number, columns: Float32Array[]) {
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
      const train = makeData(1500, nFeatures, nFeatures, (x, rng) => (x[0]! + x[nFeatures - 1]! * x[nFeatures >> 1]! + 0.3 * rng.nextFloat() > 0.2 ? 1 : 0));
      // Missing values in training make both missing-left and missing-right splits (and "missing or not" ones).
      train.columns.forEach((c, f) => {
        for (let i = f % 3; i < 1500; i += 4) if (train.labels[i] === f % 2) c[i] = NaN;
      });
      const model = await trainForest(train.columns, train.labels, { nTrees: 4, maxDepth, minSamplesLeaf: 1, threads: 1, seed: 3 });
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
    expect(blockLayoutObstacle(65, [])).toBe('65 features (the block kernel holds at most 64)');
    const finite = Float64Array.from({ length: 255 }, (_, i) => i);
    expect(blockLayoutObstacle(2, [new Float64Array(0), finite])).toBe('feature 1 has 255 distinct thresholds (byte codes allow 254 finite ones)');
    // +∞ (a "missing or not" split) codes no value above it, so 254 finite thresholds and +∞ still fit.
    expect(blockLayoutObstacle(2, [new Float64Array(0), Float64Array.from([...finite.subarray(0, 254), Infinity])])).toBeNull();
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
