// The model depends on data, options and seed only: not on thread count, and not on run.
import { describe, expect, it } from 'vitest';
import { trainForest } from '../../../models/forest/index.ts';
import { growInline, growInThreads } from '../../../models/forest/train/growInThreads.ts';
import { MAX_INLINE_WORK, prepareTrainingData } from '../../../models/forest/train/trainForest.ts';
import { makeData } from './helpers.ts';

describe('forest determinism', () => {
  const { columns, labels } = makeData(3000, 8, 11, (x, rng) =>
    x[0]! + x[1]! * x[2]! + 0.3 * (rng.nextFloat() - 0.5) > 0.2 ? 1 : 0,
  );

  it('gives identical JSON at 1 and 2 threads for the same seed', async () => {
    // Enough rows × trees that threads: 2 really grows the trees in workers instead of inline.
    const nTrees = Math.floor(MAX_INLINE_WORK / columns[0]!.length) + 1;
    const options = { nTrees, seed: 5, maxDepth: 8 };
    const one = await trainForest(columns, labels, { ...options, threads: 1 });
    const two = await trainForest(columns, labels, { ...options, threads: 2 });
    expect(JSON.stringify(two.toJSON())).toBe(JSON.stringify(one.toJSON()));
    expect(one.oobScore).not.toBeNull();
    expect(two.oobScore).toBe(one.oobScore);
  });

  it("returns the workers' own trees and OOB sums when the calling thread grows none", async () => {
    const data = prepareTrainingData(columns, labels, 64, 3);
    const params = {
      seed: 9,
      maxDepth: 6,
      minSamplesLeaf: 3,
      maxFeatures: 3,
      classWeight: [1, 1] as [number, number],
      sampleFraction: 1,
    };
    const inline = growInline(data, params, 12, true);
    const progress: number[] = [];
    const workers = await growInThreads(data, params, 12, true, 2, (done) => progress.push(done), false);
    expect(progress).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(JSON.stringify(workers.trees)).toBe(JSON.stringify(inline.trees));
    expect(Array.from(workers.oob!.sum)).toEqual(Array.from(inline.oob!.sum));
    expect(Array.from(workers.oob!.count)).toEqual(Array.from(inline.oob!.count));
  });

  it("returns the calling thread's trees when it grows them all before the worker has started", async () => {
    const data = prepareTrainingData(columns, labels, 16, 3);
    const params = {
      seed: 9,
      maxDepth: 3,
      minSamplesLeaf: 3,
      maxFeatures: 3,
      classWeight: [1, 1] as [number, number],
      sampleFraction: 1,
    };
    const inline = growInline(data, params, 2, true);
    const threaded = await growInThreads(data, params, 2, true, 2);
    expect(JSON.stringify(threaded.trees)).toBe(JSON.stringify(inline.trees));
    expect(Array.from(threaded.oob!.sum)).toEqual(Array.from(inline.oob!.sum));
  });

  it("rejects with a failed worker's own error", async () => {
    // A negative row count makes the worker's scratch allocation throw before it grows anything.
    const data = { ...prepareTrainingData(columns, labels, 16, 3), nRows: -1 };
    const params = {
      seed: 9,
      maxDepth: 4,
      minSamplesLeaf: 3,
      maxFeatures: 3,
      classWeight: [1, 1] as [number, number],
      sampleFraction: 1,
    };
    await expect(growInThreads(data, params, 4, false, 2, undefined, false)).rejects.toThrow(
      /^trainForest worker failed: Invalid typed array length: -1/,
    );
  });

  it('changes with the seed', async () => {
    const a = await trainForest(columns, labels, { nTrees: 3, seed: 1, threads: 1 });
    const b = await trainForest(columns, labels, { nTrees: 3, seed: 2, threads: 1 });
    expect(JSON.stringify(a.toJSON())).not.toBe(JSON.stringify(b.toJSON()));
  });
});
